use sea_orm::entity::prelude::*;

/// One question of a call's form; `kind`, `max_chars` and `options` together are a
/// [`crate::call::QuestionKind`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "call_questions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub call_id: Uuid,
    pub position: i32,
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub label: String,
    #[sea_orm(column_type = "Text")]
    pub help: String,
    pub required: bool,
    pub max_chars: Option<i32>,
    #[sea_orm(column_type = "Text", nullable)]
    pub options: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The typed question; `None` for a row this build cannot read (logged by the caller).
    pub fn question(&self) -> Option<crate::call::Question> {
        use crate::call::QuestionKind;
        let kind = match self.kind.as_str() {
            "long_text" => QuestionKind::LongText { max_chars: u32::try_from(self.max_chars?).ok()? },
            "short_text" => QuestionKind::ShortText,
            "number" => QuestionKind::Number,
            "money" => QuestionKind::Money,
            "yes_no" => QuestionKind::YesNo,
            "single_choice" => {
                QuestionKind::SingleChoice { options: serde_json::from_str(self.options.as_deref()?).ok()? }
            }
            "file" => QuestionKind::File,
            _ => return None,
        };
        Some(crate::call::Question {
            id: self.id,
            kind,
            label: self.label.clone(),
            help: self.help.clone(),
            required: self.required,
        })
    }
}
