// Saves a picture of the canvas (PNG or SVG, the whole canvas or the part on screen), drawn by
// the backend from the stored scene so it matches the report, through the native save dialog.
import { useState, type MutableRefObject } from "react";
import { call } from "../../api";
import { commands, type PictureFormat } from "../../bindings";
import { useStatus } from "../../common/status";
import { useOfferToOpen } from "../../common/savedFiles";

interface ExportProps {
  workshopId: string;
  view: MutableRefObject<{ x: number; y: number; width: number; height: number } | null>;
}

export function ExportPicture({ workshopId, view }: ExportProps) {
  const { perform } = useStatus();
  const [format, setFormat] = useState<PictureFormat>("png");
  const [whole, setWhole] = useState(true);
  const [busy, setBusy] = useState(false);
  const offerToOpen = useOfferToOpen();
  const save = async () => {
    setBusy(true);
    try {
      const saved = await perform(() => call(commands.exportCanvasPicture(workshopId, format, whole ? null : view.current)));
      if (saved) offerToOpen("the canvas picture", saved);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-picture" data-testid="export-picture">
      <span className="field__label">Picture of the canvas</span>
      <div className="export-picture__row">
        <select aria-label="Format" data-testid="picture-format" value={format} onChange={(e) => setFormat(e.target.value as PictureFormat)}>
          <option value="png">PNG</option>
          <option value="svg">SVG</option>
        </select>
        <select aria-label="What to export" data-testid="picture-scope" value={whole ? "whole" : "view"} onChange={(e) => setWhole(e.target.value === "whole")}>
          <option value="whole">Whole canvas</option>
          <option value="view">Current view</option>
        </select>
        <button type="button" className="button button--small" data-testid="export-picture-button" disabled={busy} onClick={() => void save()}>Save…</button>
      </div>
    </div>
  );
}
