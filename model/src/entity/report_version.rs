use sea_orm::entity::prelude::*;

/// A submitted version of a report, never changed afterwards.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub report_id: Uuid,
    pub number: i32,
    /// JSON: `crate::report::Content` as submitted.
    #[sea_orm(column_type = "Text")]
    pub content: String,
    /// JSON: the content's `crate::report::Figures` alone, so sums over many reports need not read the texts.
    #[sea_orm(column_type = "Text")]
    pub figures: String,
    pub submitted_by: Uuid,
    pub submitted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
