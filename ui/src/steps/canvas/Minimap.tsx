// The minimap: the whole board in the corner with the part on screen outlined; press or drag
// on it to move there, scroll on it to zoom. Drawn on a canvas from the same scene as the
// zoomed-out board: React Flow's own minimap is an element per card, each re-checked on every
// pan, which on a busy board cost more than the board.
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import { Panel, useReactFlow, useStoreApi } from "@xyflow/react";
import { drawOverview, sceneBounds, toFlow, type Box, type OverviewScene, type View } from "./overview";
import { themeColours, usePixelRatio, useRedrawOnView } from "./OverviewLayer";

export const MINIMAP_SIZE = { width: 150, height: 100 };
/** Empty space around the board inside the minimap, in minimap pixels. */
const INSET = 6;

/** How the minimap shows `bounds`: centred, whole, with a small margin. */
export function minimapView(bounds: Box | null, size = MINIMAP_SIZE): View {
  const area = bounds ?? { x: 0, y: 0, width: 1000, height: 600 };
  const zoom = Math.min((size.width - 2 * INSET) / Math.max(1, area.width), (size.height - 2 * INSET) / Math.max(1, area.height));
  return {
    zoom,
    x: (size.width - area.width * zoom) / 2 - area.x * zoom,
    y: (size.height - area.height * zoom) / 2 - area.y * zoom,
  };
}

export function Minimap({ scene, selected }: { scene: OverviewScene; selected: Set<string> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const picture = useRef<HTMLCanvasElement | null>(null);
  const store = useStoreApi();
  const flow = useReactFlow();
  const view = useRef<View>(minimapView(null));
  const outline = useRef("#3b4cca");
  const ratio = usePixelRatio();

  // The board itself changes only with the scene or the selection: drawn once into a picture
  // that every pan then copies, with the outline of the view drawn over it.
  const drawView = useCallback(() => {
    const ctx = canvas.current?.getContext("2d");
    if (!ctx || !canvas.current) return;
    // The pixels per CSS pixel the picture was made at (the canvas's own size says it).
    const ratio = canvas.current.width / MINIMAP_SIZE.width;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.current.width, canvas.current.height);
    if (picture.current) ctx.drawImage(picture.current, 0, 0);
    const { transform, width, height } = store.getState();
    const [tx, ty, zoom] = transform;
    const m = view.current;
    const shown = {
      x: (-tx / zoom) * m.zoom + m.x, y: (-ty / zoom) * m.zoom + m.y,
      width: (width / zoom) * m.zoom, height: (height / zoom) * m.zoom,
    };
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = "rgba(29, 32, 51, 0.12)";
    ctx.beginPath();
    ctx.rect(0, 0, MINIMAP_SIZE.width, MINIMAP_SIZE.height);
    ctx.rect(shown.x, shown.y, shown.width, shown.height);
    ctx.fill("evenodd");
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = outline.current;
    ctx.strokeRect(shown.x, shown.y, shown.width, shown.height);
  }, [store]);

  useRedrawOnView(drawView);

  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element) return;
    element.width = Math.round(MINIMAP_SIZE.width * ratio);
    element.height = Math.round(MINIMAP_SIZE.height * ratio);
    view.current = minimapView(sceneBounds(scene));
    const colours = themeColours(element);
    outline.current = colours.selection;
    const board = document.createElement("canvas");
    board.width = element.width;
    board.height = element.height;
    const ctx = board.getContext("2d");
    if (ctx) drawOverview(ctx, scene, view.current, MINIMAP_SIZE, ratio, selected, colours, {}, { titles: false });
    picture.current = ctx ? board : null;
    drawView();
  }, [scene, selected, ratio, drawView]);

  const moveTo = useCallback((event: { clientX: number; clientY: number }) => {
    const box = canvas.current?.getBoundingClientRect();
    if (!box) return;
    const target = toFlow({ x: event.clientX - box.left, y: event.clientY - box.top }, view.current);
    void flow.setCenter(target.x, target.y, { zoom: flow.getZoom() });
  }, [flow]);

  // A press moves the view there; dragging keeps moving it until the button is released.
  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    moveTo(event);
  };
  const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event);
  };

  // Wheel over the minimap zooms the board around the view's centre (a passive React listener
  // could not stop the page from scrolling, so it is a native one).
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      event.stopPropagation();
      void (event.deltaY < 0 ? flow.zoomIn({ duration: 0 }) : flow.zoomOut({ duration: 0 }));
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [flow]);

  return (
    <Panel position="bottom-right" className="minimap">
      <canvas ref={canvas} className="minimap__canvas nodrag nopan nowheel" data-testid="canvas-minimap" role="img"
        aria-label="Minimap of the whole board: press or drag on it to move the view there, scroll on it to zoom"
        style={MINIMAP_SIZE} onPointerDown={onPointerDown} onPointerMove={onPointerMove} />
    </Panel>
  );
}
