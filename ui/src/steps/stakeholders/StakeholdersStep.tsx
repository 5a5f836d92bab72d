// Step page placeholder; replaced by the real page.
export function StakeholdersStep() {
  return <div className="placeholder">This step’s workspace is being built.</div>;
}
