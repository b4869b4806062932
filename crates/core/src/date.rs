//! Calendar dates as the coder needs them: a day, a month or a year.

use std::fmt;

/// A calendar date. `month` and `day` are 0 when the text only gives the year
/// (or the year and month); comparisons treat a missing part as its earliest value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// How much of a [`Date`] the text gave; serialised as `"day"`, `"month"`, `"year"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Date {
    pub const fn ymd(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    pub fn precision(&self) -> Precision {
        if self.month == 0 {
            Precision::Year
        } else if self.day == 0 {
            Precision::Month
        } else {
            Precision::Day
        }
    }

    /// Parses `YYYYMMDD`, `YYMMDD` (years 00-29 are 20xx, others 19xx, as TABARI),
    /// `YYYY-MM-DD`, `YYYY-MM` and `YYYY`; also accepts a trailing time (`2020-10-18T…`).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let s = s.split(['T', ' ']).next().unwrap_or(s);
        let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
        let dashed = s.contains('-') || s.contains('/');
        if dashed {
            let parts: Vec<&str> = s.split(['-', '/']).collect();
            let year: i32 = parts.first()?.parse().ok()?;
            let month: u8 = match parts.get(1) {
                Some(m) => m.parse().ok()?,
                None => 0,
            };
            let day: u8 = match parts.get(2) {
                Some(d) => d.parse().ok()?,
                None => 0,
            };
            return Date::checked(year, month, day);
        }
        if digits.len() != s.len() {
            return None;
        }
        match s.len() {
            8 => Date::checked(s[..4].parse().ok()?, s[4..6].parse().ok()?, s[6..].parse().ok()?),
            6 => {
                let yy: i32 = s[..2].parse().ok()?;
                let year = if yy < 30 { 2000 + yy } else { 1900 + yy };
                Date::checked(year, s[2..4].parse().ok()?, s[4..].parse().ok()?)
            }
            4 => Date::checked(s.parse().ok()?, 0, 0),
            _ => None,
        }
    }

    fn checked(year: i32, month: u8, day: u8) -> Option<Date> {
        if month > 12 || (month == 0 && day != 0) {
            return None;
        }
        if day > 0 && day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (proleptic Gregorian); missing parts count as 1.
    pub fn to_days(&self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month.max(1) as i64, self.day.max(1) as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date { year: (if m <= 2 { y + 1 } else { y }) as i32, month: m, day: d }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> u8 {
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }

    pub fn add_days(&self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Year => write!(f, "{:04}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        let t = [
            ("20201018", Some(Date::ymd(2020, 10, 18))),
            ("950101", Some(Date::ymd(1995, 1, 1))),
            ("120116", Some(Date::ymd(2012, 1, 16))),
            ("2020-10-18", Some(Date::ymd(2020, 10, 18))),
            ("2020-10-18T10:00:00Z", Some(Date::ymd(2020, 10, 18))),
            ("2020-10", Some(Date::ymd(2020, 10, 0))),
            ("2020", Some(Date::ymd(2020, 0, 0))),
            ("2020-02-30", None),
            ("abc", None),
            ("", None),
        ];
        for (s, want) in t {
            assert_eq!(Date::parse(s), want, "{s}");
        }
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Date::ymd(2020, 10, 18);
        assert_eq!(d.weekday(), 6); // a Sunday
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.add_days(14), Date::ymd(2020, 11, 1));
        assert_eq!(Date::ymd(2000, 3, 1).add_days(-1), Date::ymd(2000, 2, 29));
        assert_eq!(d.to_string(), "2020-10-18");
        assert_eq!(Date::ymd(2020, 10, 0).to_string(), "2020-10");
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("bad date {s:?}")))
    }
}
