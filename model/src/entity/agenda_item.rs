use sea_orm::entity::prelude::*;

/// An item of a meeting's agenda, with the resolution taken on it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agenda_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub meeting_id: Uuid,
    pub position: i32,
    pub title: String,
    /// A `crate::steering::SubjectKind`, or empty.
    pub subject_kind: String,
    pub subject_ref: String,
    pub resolution_number: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub resolution_text: Option<String>,
    /// A `crate::steering::Topic`.
    pub topic: Option<String>,
    pub votes_yes: Option<i32>,
    pub votes_no: Option<i32>,
    pub votes_abstain: Option<i32>,
    /// A `crate::steering::minutes::Outcome`.
    pub outcome: Option<String>,
    pub decided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
