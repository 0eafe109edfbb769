use sea_orm::entity::prelude::*;

/// A post of the exchange space: a thread (`thread_id` is `None`) or a reply to one.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "exchange_posts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub thread_id: Option<Uuid>,
    pub author_id: Uuid,
    /// Empty for replies.
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// A `crate::exchange::Topic`; empty for replies.
    pub topic: String,
    pub district_id: Option<Uuid>,
    /// A JSON array of strings.
    #[sea_orm(column_type = "Text")]
    pub tags: String,
    pub created_at: DateTimeUtc,
    /// For a thread, its newest reply's time (or its own).
    pub last_activity_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
