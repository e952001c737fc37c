-- Builds that write many tables over a long time (issue 22): a `lloradar demo build` marks
-- itself `building` first (committed at once) and `complete` at the end, so a build that was
-- killed half-way is known as such and the pages say so instead of looking complete.
CREATE TABLE build_state (
    name         VARCHAR PRIMARY KEY,
    state        VARCHAR NOT NULL,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP
);
