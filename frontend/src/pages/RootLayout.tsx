import { Suspense } from "react";
import { Outlet } from "react-router-dom";
import { FullPageLoading } from "../components/States";

export function RootLayout() {
  return (
    <Suspense fallback={<FullPageLoading />}>
      <Outlet />
    </Suspense>
  );
}
