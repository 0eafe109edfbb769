use sea_orm::entity::prelude::*;

/// A call for expressions of interest; see [`crate::call`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calls")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub module: String,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub opens_at: DateTimeUtc,
    pub closes_at: DateTimeUtc,
    pub decision_date: Date,
    pub published_at: Option<DateTimeUtc>,
    /// The evaluation rubric as JSON (`crate::rubric::Rubric`); `None`: the module's default.
    #[sea_orm(column_type = "Text", nullable)]
    pub rubric: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
