import { Link } from "react-router-dom";
import { toLanding } from "../landing/routes/Landing";
import { useTitle } from "../utils/useTitle";

export default function NotFoundPage() {
  useTitle("Page not found");
  return (
    <main className="full-page" id="main">
      <div className="state">
        <h1 className="state-title">Page not found</h1>
        <p>The page you asked for doesn't exist.</p>
        <Link className="btn btn-primary" to={toLanding()}>
          Go to Counterlink
        </Link>
      </div>
    </main>
  );
}
