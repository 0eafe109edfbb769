//! Whether the posts report on time (issue 13, item 5): each due period of a post is on time, late, missing,
//! returned, or not due yet. Derived from what a caller may see of a report ([`ReportSummary`]), so the
//! overview shows a reader nothing of a draft: a period whose report was never submitted is missing once due,
//! whoever started writing it.

use super::{PeriodKind, ReportState, ReportSummary};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Where one period's report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    /// First submitted before it was due.
    OnTime,
    /// First submitted at or after the due instant.
    Late,
    /// Due and never submitted.
    Missing,
    /// Returned for revision and not resubmitted yet.
    Returned,
    /// Not due yet and not submitted.
    Pending,
}

impl Compliance {
    pub const ALL: [Compliance; 5] =
        [Compliance::OnTime, Compliance::Late, Compliance::Missing, Compliance::Returned, Compliance::Pending];

    /// The standing of a report as `summary` shows it, at `now`.
    pub fn of(summary: &ReportSummary, now: DateTime<Utc>) -> Self {
        match (summary.state, summary.first_submitted_at) {
            (Some(ReportState::Returned), _) => Compliance::Returned,
            (_, Some(submitted)) if submitted >= summary.due_at => Compliance::Late,
            (_, Some(_)) => Compliance::OnTime,
            (_, None) if now >= summary.due_at => Compliance::Missing,
            (_, None) => Compliance::Pending,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Compliance::OnTime => "on_time",
            Compliance::Late => "late",
            Compliance::Missing => "missing",
            Compliance::Returned => "returned",
            Compliance::Pending => "pending",
        }
    }
}

/// How many periods stand where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplianceCounts {
    pub on_time: u32,
    pub late: u32,
    pub missing: u32,
    pub returned: u32,
    pub pending: u32,
}

impl ComplianceCounts {
    pub fn add(&mut self, status: Compliance) {
        let count = match status {
            Compliance::OnTime => &mut self.on_time,
            Compliance::Late => &mut self.late,
            Compliance::Missing => &mut self.missing,
            Compliance::Returned => &mut self.returned,
            Compliance::Pending => &mut self.pending,
        };
        *count = count.saturating_add(1);
    }

    pub fn get(&self, status: Compliance) -> u32 {
        match status {
            Compliance::OnTime => self.on_time,
            Compliance::Late => self.late,
            Compliance::Missing => self.missing,
            Compliance::Returned => self.returned,
            Compliance::Pending => self.pending,
        }
    }

    /// Periods that were due (everything but the pending ones).
    pub fn due(&self) -> u32 {
        self.on_time.saturating_add(self.late).saturating_add(self.missing).saturating_add(self.returned)
    }
}

/// One period of one post in the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplianceEntry {
    pub post_id: Uuid,
    pub district: String,
    pub organisation: String,
    pub kind: PeriodKind,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub due_at: DateTime<Utc>,
    pub status: Compliance,
    /// The report, when the caller may open it.
    pub report_id: Option<Uuid>,
}

/// The counts of one calendar quarter (by the first day of the periods).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuarterCounts {
    pub year: i32,
    /// 1 to 4.
    pub quarter: u32,
    pub counts: ComplianceCounts,
}

/// The compliance overview: every period of the posts the caller may read, the totals and the totals per
/// quarter (oldest first), and the years there are periods in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplianceView {
    /// The year shown, or `null` for all years.
    pub year: Option<i32>,
    pub years: Vec<i32>,
    pub entries: Vec<ComplianceEntry>,
    pub totals: ComplianceCounts,
    pub quarters: Vec<QuarterCounts>,
}

/// The calendar quarter (1 to 4) of a day.
pub fn quarter_of(day: NaiveDate) -> u32 {
    day.month0() / 3 + 1
}

impl ComplianceView {
    /// Builds the overview of `summaries` (every period the caller may know of) for `year`, or all years.
    pub fn build(summaries: &[ReportSummary], year: Option<i32>, now: DateTime<Utc>) -> Self {
        let mut years: Vec<i32> = summaries.iter().map(|s| s.period_start.year()).collect();
        years.sort_unstable();
        years.dedup();
        let mut entries: Vec<ComplianceEntry> = summaries
            .iter()
            .filter(|s| year.is_none_or(|y| s.period_start.year() == y))
            .map(|s| ComplianceEntry {
                post_id: s.post_id,
                district: s.district.clone(),
                organisation: s.organisation.clone(),
                kind: s.kind,
                period_start: s.period_start,
                period_end: s.period_end,
                due_at: s.due_at,
                status: Compliance::of(s, now),
                report_id: s.id,
            })
            .collect();
        entries.sort_by(|a, b| {
            (a.district.as_str(), a.post_id, a.period_start, a.kind).cmp(&(
                b.district.as_str(),
                b.post_id,
                b.period_start,
                b.kind,
            ))
        });
        let mut totals = ComplianceCounts::default();
        let mut quarters: Vec<QuarterCounts> = Vec::new();
        for entry in &entries {
            totals.add(entry.status);
            let (y, q) = (entry.period_start.year(), quarter_of(entry.period_start));
            match quarters.iter_mut().find(|c| c.year == y && c.quarter == q) {
                Some(found) => found.counts.add(entry.status),
                None => {
                    let mut counts = ComplianceCounts::default();
                    counts.add(entry.status);
                    quarters.push(QuarterCounts { year: y, quarter: q, counts });
                }
            }
        }
        quarters.sort_by_key(|c| (c.year, c.quarter));
        ComplianceView { year, years, entries, totals, quarters }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn summary(start: (i32, u32), state: Option<ReportState>, submitted: Option<DateTime<Utc>>) -> ReportSummary {
        let starts_on = NaiveDate::from_ymd_opt(start.0, start.1, 1).expect("day");
        ReportSummary {
            id: state.map(|_| Uuid::from_u128(1)),
            post_id: Uuid::from_u128(7),
            district: "Pieschen".into(),
            organisation: "Träger".into(),
            kind: PeriodKind::Regular,
            period_start: starts_on,
            period_end: starts_on,
            due_at: Utc.with_ymd_and_hms(start.0, start.1, 20, 0, 0, 0).single().expect("time"),
            state,
            late: false,
            first_submitted_at: submitted,
            may_start: false,
        }
    }

    #[test]
    fn the_due_instant_divides_on_time_from_late_and_pending_from_missing() {
        let due = Utc.with_ymd_and_hms(2026, 4, 20, 0, 0, 0).single().expect("time");
        let second = chrono::Duration::seconds(1);
        let before = summary((2026, 4), Some(ReportState::Accepted), Some(due - second));
        let at = summary((2026, 4), Some(ReportState::Submitted), Some(due));
        assert_eq!(Compliance::of(&before, due), Compliance::OnTime);
        assert_eq!(Compliance::of(&at, due), Compliance::Late);
        let draft = summary((2026, 4), Some(ReportState::Draft), None);
        assert_eq!(Compliance::of(&draft, due - second), Compliance::Pending);
        assert_eq!(Compliance::of(&draft, due), Compliance::Missing);
        let returned = summary((2026, 4), Some(ReportState::Returned), Some(due - second));
        assert_eq!(Compliance::of(&returned, due), Compliance::Returned);
    }

    #[test]
    fn the_overview_counts_per_quarter_and_filters_by_year() {
        let now = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).single().expect("time");
        let early = |y, m| Some(Utc.with_ymd_and_hms(y, m, 2, 0, 0, 0).single().expect("time"));
        let list = vec![
            summary((2025, 10), Some(ReportState::Accepted), early(2025, 10)),
            summary((2026, 1), Some(ReportState::Accepted), early(2026, 1)),
            summary((2026, 2), None, None),
            summary((2026, 7), Some(ReportState::Accepted), Some(now)),
        ];
        let all = ComplianceView::build(&list, None, now);
        assert_eq!(all.years, vec![2025, 2026]);
        assert_eq!(all.totals, ComplianceCounts { on_time: 2, late: 1, missing: 1, returned: 0, pending: 0 });
        let year = ComplianceView::build(&list, Some(2026), now);
        assert_eq!(year.entries.len(), 3);
        assert_eq!(year.quarters.len(), 2);
        assert_eq!(
            (year.quarters[0].quarter, year.quarters[0].counts.on_time, year.quarters[0].counts.missing),
            (1, 1, 1)
        );
        assert_eq!((year.quarters[1].quarter, year.quarters[1].counts.late), (3, 1));
        assert_eq!(year.totals.due(), 3);
    }
}
