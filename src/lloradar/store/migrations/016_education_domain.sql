-- The sector of education of a DUO programme (issue 17, programme profiles): the CROHO
-- onderdeel of an hbo/wo programme (techniek, gezondheidszorg, ...) or the domain of an mbo
-- qualification (Zorg en welzijn, Bouw en infra, ...). Empty for rows loaded before.
ALTER TABLE education_supply ADD COLUMN domain VARCHAR DEFAULT '';
