"""ESCO / ISCO / O*NET / SBI codes in one taxonomy; the skill graph; crosswalks."""
