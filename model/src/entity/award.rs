use sea_orm::entity::prelude::*;

/// What an award created: a coordination post or the steering contract; see [`crate::award`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "awards")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub decision_id: Uuid,
    pub bid_id: Uuid,
    /// `post` or `steering`.
    pub kind: String,
    pub organisation_id: Uuid,
    pub district_id: Option<Uuid>,
    pub fte: String,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    /// JSON: budget year → amount.
    #[sea_orm(column_type = "Text")]
    pub funding: String,
    pub created_at: DateTimeUtc,
    /// How often the post reports (`model::report::Cadence`).
    pub report_cadence: String,
    /// Whether the post owes a final report after it ends.
    pub final_report: bool,
    /// JSON: the days of extra reports.
    #[sea_orm(column_type = "Text")]
    pub extra_report_days: String,
    /// Whether reports started under an earlier schedule may be off this one (see migration 22): the
    /// report list then reads all of the post's reports.
    pub reports_off_schedule: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
