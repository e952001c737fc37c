-- Brede welvaart / broad welfare (issue 21, part 3): what a CBS StatLine table is and what its
-- topics mean, loaded with the table by `lloradar welfare load <table id>`, so a value in
-- cbs_observation can be shown with its title, unit and decimals. The education pipelines
-- (part 4) are read from education_supply and need no table of their own.

CREATE TABLE statline_table (
    table_id     VARCHAR PRIMARY KEY,
    title        VARCHAR NOT NULL,
    period       VARCHAR NOT NULL DEFAULT '',
    modified     VARCHAR NOT NULL DEFAULT '',
    source_id    VARCHAR NOT NULL
);

CREATE TABLE statline_topic (
    table_id     VARCHAR NOT NULL,
    measure      VARCHAR NOT NULL,
    title        VARCHAR NOT NULL,
    unit         VARCHAR NOT NULL DEFAULT '',
    decimals     INTEGER,
    topic_group  VARCHAR NOT NULL DEFAULT '',
    source_id    VARCHAR NOT NULL,
    PRIMARY KEY (table_id, measure)
);
