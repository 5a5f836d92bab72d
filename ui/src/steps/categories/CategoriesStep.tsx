// Step page placeholder; replaced by the real page.
export function CategoriesStep() {
  return <div className="placeholder">This step’s workspace is being built.</div>;
}
