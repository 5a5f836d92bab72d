-- Workshops and the undo/redo history.

CREATE TABLE workshops (
    id            TEXT PRIMARY KEY NOT NULL,
    title         TEXT NOT NULL,
    organisation  TEXT NOT NULL DEFAULT '',
    date          TEXT NOT NULL DEFAULT '',
    facilitator   TEXT NOT NULL DEFAULT '',
    current_step  TEXT NOT NULL DEFAULT 'stakeholders',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    -- Soft delete: a deleted workshop stays until its deletion can no longer be undone.
    deleted_at    INTEGER
);

CREATE INDEX workshops_by_update ON workshops (deleted_at, updated_at DESC);

-- One row per user action: the before/after of every row it changed, as JSON.
-- `scope` is 'library' for the home screen, or 'workshop:<id>' inside a workshop.
CREATE TABLE history (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    scope       TEXT NOT NULL,
    label       TEXT NOT NULL,
    changes     TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);

CREATE INDEX history_by_scope ON history (scope, undone, seq);
