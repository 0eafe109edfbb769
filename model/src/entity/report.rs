use sea_orm::entity::prelude::*;

/// A post's report for one period, once started; see [`crate::report`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub award_id: Uuid,
    /// `regular`, `extra` or `final`.
    pub period_kind: String,
    pub period_start: Date,
    pub period_end: Date,
    pub due_at: DateTimeUtc,
    /// `draft`, `submitted`, `returned` or `accepted`.
    pub state: String,
    /// JSON: the working text (`crate::report::Content`).
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub saved_at: DateTimeUtc,
    pub saved_by: Uuid,
    pub first_submitted_at: Option<DateTimeUtc>,
    pub late: bool,
    pub reviewed_by: Option<Uuid>,
    pub reviewed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
