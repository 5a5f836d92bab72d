-- Step 5: the North Star canvas (stickies, KPIs, frames and the links between them), the
-- North Star metric with its input metrics, and the room's next actions.

CREATE TABLE canvas_items (
    id            TEXT PRIMARY KEY NOT NULL,
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,              -- sticky | kpi | frame
    x             REAL NOT NULL,
    y             REAL NOT NULL,
    width         REAL NOT NULL,
    height        REAL NOT NULL,
    z             TEXT NOT NULL,              -- fractional index: paint in ascending order
    parent_frame  TEXT,                       -- a frame's id (kept consistent by the core)
    content       TEXT NOT NULL               -- JSON ItemContent (text, colour, tags, checklist…)
);
CREATE INDEX canvas_items_by_workshop ON canvas_items (workshop_id, z);

CREATE TABLE canvas_links (
    id            TEXT PRIMARY KEY NOT NULL,
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    from_item     TEXT NOT NULL,
    to_item       TEXT NOT NULL,
    label         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX canvas_links_by_workshop ON canvas_links (workshop_id);

-- One row per workshop: '<workshop id>:north_star'.
CREATE TABLE north_stars (
    id            TEXT PRIMARY KEY NOT NULL,
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    definition    TEXT NOT NULL,              -- JSON NorthStarInput
    inputs        TEXT NOT NULL DEFAULT '[]'  -- JSON array of InputMetric
);

CREATE TABLE actions (
    id            TEXT PRIMARY KEY NOT NULL,
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    details       TEXT NOT NULL               -- JSON ActionInput
);
CREATE INDEX actions_by_workshop ON actions (workshop_id, position);
