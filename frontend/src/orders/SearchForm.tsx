import { useId, useState, type FormEvent } from "react";

/** A search box whose submitted term the page keeps in its address, so a search can be bookmarked and shared. */
export function SearchForm({ label, value, placeholder, onSearch }: {
  label: string;
  /** The term in the address now. */
  value: string;
  placeholder?: string;
  /** Called with the trimmed term ("" clears the search). */
  onSearch: (term: string) => void;
}) {
  const [search, setSearch] = useState(value);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(search.trim());
  };
  return (
    <form className="field field-inline" role="search" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={search} placeholder={placeholder} onChange={(e) => setSearch(e.target.value)} />
      <button type="submit" className="btn btn-small">
        Search
      </button>
    </form>
  );
}
