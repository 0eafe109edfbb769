use sea_orm::entity::prelude::*;

/// A meeting of the steering group, with its minutes (see `crate::steering`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub title: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub place: String,
    pub video_link: String,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub invited_at: Option<DateTimeUtc>,
    pub invitation_sequence: i32,
    /// A `crate::steering::minutes::MinutesState`.
    pub minutes_state: String,
    #[sea_orm(column_type = "Text")]
    pub minutes_text: String,
    pub minutes_writer_id: Option<Uuid>,
    pub minutes_updated_at: Option<DateTimeUtc>,
    pub approved_at_meeting_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
