"""Programme profiles: graduates (hbo/wo, CROHO) and enrolments (mbo, crebo) per year and per
labour-market region of the institution, from DUO open onderwijsdata."""
