use sea_orm::entity::prelude::*;

/// A steering member's score sheet for one bid, draft or final; see [`crate::evaluation`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "scores")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub call_id: Uuid,
    pub lot_id: Uuid,
    pub bid_id: Uuid,
    pub user_id: Uuid,
    /// JSON array, one entry per criterion: points or `null`.
    #[sea_orm(column_type = "Text")]
    pub points: String,
    /// JSON array of strings, one per criterion.
    #[sea_orm(column_type = "Text")]
    pub justifications: String,
    pub saved_at: DateTimeUtc,
    pub finalised_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
