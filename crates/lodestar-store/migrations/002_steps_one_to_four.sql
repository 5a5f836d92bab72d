-- Steps 1–4: stakeholders, customer categories, SMART needs, votes and ballots, step timers.
-- Rows are deleted one by one by the store (so undo can restore them); the cascades are a
-- safety net for purging a whole workshop.

CREATE TABLE stakeholders (
    id           TEXT PRIMARY KEY NOT NULL,
    workshop_id  TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',
    function     TEXT NOT NULL DEFAULT '',
    influence    INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
    interest     INTEGER NOT NULL CHECK (interest BETWEEN 1 AND 5),
    stance       TEXT NOT NULL DEFAULT 'neutral',
    present      INTEGER NOT NULL DEFAULT 1,
    colour       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stakeholders_by_workshop ON stakeholders (workshop_id, position);

CREATE TABLE categories (
    id           TEXT PRIMARY KEY NOT NULL,
    workshop_id  TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    why_best     TEXT NOT NULL DEFAULT '',
    reasons      TEXT NOT NULL DEFAULT '[]',   -- JSON array of BestReason
    size         TEXT NOT NULL DEFAULT '',
    value        TEXT NOT NULL DEFAULT '',
    priority     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX categories_by_workshop ON categories (workshop_id, position);

CREATE TABLE needs (
    id                    TEXT PRIMARY KEY NOT NULL,
    workshop_id           TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    category_id           TEXT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    position              INTEGER NOT NULL,
    -- Bumped on every edit: a vote result remembers the revisions it was decided on.
    revision              INTEGER NOT NULL DEFAULT 1,
    details               TEXT NOT NULL,          -- JSON NeedInput (statement and SMART parts)
    agreement             TEXT NOT NULL DEFAULT '{"kind":"pending"}'
);
CREATE INDEX needs_by_workshop ON needs (workshop_id, position);

CREATE TABLE votes (
    id            TEXT PRIMARY KEY NOT NULL,
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    subject       TEXT NOT NULL DEFAULT 'focus_need',  -- what is chosen: a need, or later a metric
    round         INTEGER NOT NULL DEFAULT 1,
    runoff_of     TEXT REFERENCES votes (id) ON DELETE CASCADE,
    rules         TEXT NOT NULL,                       -- JSON VoteRules
    options       TEXT NOT NULL,                       -- JSON array of option ids, in ballot order
    status        TEXT NOT NULL DEFAULT 'open',        -- open | closed | revealed
    created_at    INTEGER NOT NULL
);
CREATE INDEX votes_by_workshop ON votes (workshop_id, created_at);

CREATE TABLE ballots (
    id         TEXT PRIMARY KEY NOT NULL,
    vote_id    TEXT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    voter_id   TEXT NOT NULL,
    proxy      INTEGER NOT NULL DEFAULT 0,   -- entered by the facilitator for the voter
    ballot     TEXT NOT NULL,                -- JSON BallotInput
    cast_at    INTEGER NOT NULL,
    UNIQUE (vote_id, voter_id)
);

-- The outcome of the vote: one row per workshop and subject.
CREATE TABLE decisions (
    id             TEXT PRIMARY KEY NOT NULL,   -- '<workshop id>:<subject>'
    workshop_id    TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    subject        TEXT NOT NULL,
    vote_id        TEXT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    option_id      TEXT NOT NULL,
    resolved_by    TEXT NOT NULL,               -- vote | runoff | facilitator_decision
    revisions      TEXT NOT NULL DEFAULT '{}',  -- JSON map need id -> revision at decision time
    decided_at     INTEGER NOT NULL
);

-- Step timeboxes. Not part of undo: Ctrl+Z should never rewind the room's clock.
CREATE TABLE step_timers (
    workshop_id    TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    step           TEXT NOT NULL,
    duration_ms    INTEGER NOT NULL,
    elapsed_ms     INTEGER NOT NULL DEFAULT 0,
    running_since  INTEGER,
    PRIMARY KEY (workshop_id, step)
);
