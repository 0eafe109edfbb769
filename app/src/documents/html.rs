//! A document's tables as HTML, written as one string rather than as a view per cell.
//!
//! A city's committee report has tables of some 850 cells. As Leptos views, every cell was an element with a
//! type-erased attribute and child list, and rendering them was a fifth of the page's time on the server
//! (issue 16, measured with perf on the large data set). The markup is the same; every text is escaped
//! here, and nothing but the table's own texts goes in.

use super::Table;
use html_escape::encode_text_to_string as text;

/// The `<table>` of `table`: caption, a header row, a row per line (its first cell a row header), and the
/// total as a footer. Figures get `class="num"`; a cell's lines (amounts per year) are kept with `<br>`.
pub fn table(table: &Table) -> String {
    let cells: usize = table.rows.iter().map(Vec::len).sum();
    let mut html = String::with_capacity(128 + 48 * (cells + table.columns.len()));
    html.push_str(r#"<table class="table document-table">"#);
    if !table.caption.is_empty() {
        html.push_str("<caption>");
        text(&table.caption, &mut html);
        html.push_str("</caption>");
    }
    html.push_str("<thead><tr>");
    for column in &table.columns {
        html.push_str(if column.numeric { r#"<th scope="col" class="num">"# } else { r#"<th scope="col">"# });
        text(&column.title, &mut html);
        html.push_str("</th>");
    }
    html.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        html.push_str("<tr>");
        row_cells(table, row, &mut html);
        html.push_str("</tr>");
    }
    html.push_str("</tbody>");
    if let Some(total) = &table.total {
        html.push_str(r#"<tfoot><tr class="total">"#);
        row_cells(table, total, &mut html);
        html.push_str("</tr></tfoot>");
    }
    html.push_str("</table>");
    html
}

fn row_cells(table: &Table, row: &[String], html: &mut String) {
    for (index, cell) in row.iter().enumerate() {
        let numeric = table.columns.get(index).is_some_and(|column| column.numeric);
        let (open, close) = match (index, numeric) {
            (0, false) => (r#"<th scope="row">"#, "</th>"),
            (0, true) => (r#"<th scope="row" class="num">"#, "</th>"),
            (_, false) => ("<td>", "</td>"),
            (_, true) => (r#"<td class="num">"#, "</td>"),
        };
        html.push_str(open);
        for (number, line) in cell.split('\n').enumerate() {
            if number > 0 {
                html.push_str("<br>");
            }
            text(line, html);
        }
        html.push_str(close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::Column;

    #[test]
    fn a_table_is_escaped_markup_with_figures_marked() {
        let table = Table {
            caption: "Geld & <Mittel>".into(),
            columns: vec![Column::text("Träger", 40), Column::figure("Betrag", 20)],
            rows: vec![vec!["<script>alert(1)</script>".into(), "2019: 1,00 €\n2020: 2,00 €".into()]],
            total: Some(vec!["Summe".into(), "3,00 €".into()]),
        };
        assert_eq!(
            super::table(&table),
            "<table class=\"table document-table\"><caption>Geld &amp; &lt;Mittel&gt;</caption>\
             <thead><tr><th scope=\"col\">Träger</th><th scope=\"col\" class=\"num\">Betrag</th></tr></thead>\
             <tbody><tr><th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>\
             <td class=\"num\">2019: 1,00 €<br>2020: 2,00 €</td></tr></tbody>\
             <tfoot><tr class=\"total\"><th scope=\"row\">Summe</th><td class=\"num\">3,00 €</td></tr></tfoot></table>"
        );
    }
}
