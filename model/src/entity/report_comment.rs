use sea_orm::entity::prelude::*;

/// A reviewer's comment on a submitted version, on one section of the work order or the whole report.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_comments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub report_id: Uuid,
    pub version_number: i32,
    /// A `crate::report::Section`, or `None` for the report as a whole.
    pub section: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub author_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
