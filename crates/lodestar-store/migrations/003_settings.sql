-- Preferences of this laptop that belong with the data (e.g. the last folder used for an
-- export). Not part of undo and not exported with a workshop.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
);
