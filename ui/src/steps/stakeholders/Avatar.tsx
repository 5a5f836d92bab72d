// A person's round badge: initials on their colour (their own, or one derived from the name).
import { colourOf } from "./model";

export function Avatar({ name, initials, colour, size = "medium" }: { name: string; initials: string; colour?: string; size?: "medium" | "large" }) {
  return (
    <span className={`avatar avatar--${size}`} style={{ background: colourOf(name, colour) }} aria-hidden="true">
      {initials || "?"}
    </span>
  );
}
