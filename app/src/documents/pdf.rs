//! Typesets a [`Document`] as an A4 PDF with `krilla`: lines broken to the measure, tables whose rows break
//! across pages with their header row repeated, headings kept with what follows, and "Seite 2 von 5" in
//! every footer. The PDF is tagged (headings, paragraphs, tables with header cells; footers and rules as
//! artifacts) and carries its title and language, so screen readers can read it (BITV 2.0).
//!
//! Why krilla and not typst as a library: typst would have brought several hundred crates and more than ten
//! minutes of build on our two cores for documents that are a few headings, paragraphs and tables; krilla
//! (pdf-writer, rustybuzz, skrifa) builds in half a minute, subsets the fonts and writes tagged PDF, and the
//! layout below is the small part we need. The fonts (Liberation Sans, SIL OFL 1.1) ship in `app/fonts`.
//!
//! Layout happens in two passes: [`layout`] places every piece on numbered pages (a plain list, testable
//! without a PDF), then [`render`] draws them, now that the page count is known.

use super::{Block, Document, Table};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, TableHeaderScope, Tag, TagGroup, TagTree,
};
use krilla::text::{Font, TextDirection};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use std::num::NonZeroU16;

static REGULAR: &[u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/LiberationSans-Bold.ttf");

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const LEFT: f32 = 70.87; // 25 mm: room to punch and file
const RIGHT: f32 = PAGE_WIDTH - 56.69; // 20 mm
const TOP: f32 = 56.69;
const BOTTOM: f32 = PAGE_HEIGHT - 70.87; // the footer sits below
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 42.0;
const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;
const LEADING: f32 = 1.35;
const CELL_PAD: f32 = 3.5;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the shipped font could not be read")]
    Font,
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    Regular,
    Bold,
}

/// Measures text with the fonts' advance widths (kerning only ever makes a line shorter).
struct Measure {
    regular: skrifa::FontRef<'static>,
    bold: skrifa::FontRef<'static>,
}

impl Measure {
    fn new() -> Result<Self, PdfError> {
        Ok(Measure {
            regular: skrifa::FontRef::new(REGULAR).map_err(|_| PdfError::Font)?,
            bold: skrifa::FontRef::new(BOLD).map_err(|_| PdfError::Font)?,
        })
    }

    fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let font = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars().map(|c| charmap.map(c).and_then(|glyph| metrics.advance_width(glyph)).unwrap_or(size * 0.6)).sum()
    }

    /// Breaks `text` into lines no wider than `width`: at spaces, and inside a word only when the word alone
    /// is wider than the line. Line breaks in the text are kept.
    fn lines(&self, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
                if self.width(&candidate, size, weight) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                for c in word.chars() {
                    line.push(c);
                    if self.width(&line, size, weight) > width && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    }
                }
            }
            lines.push(line);
        }
        lines
    }
}

/// Where a placed piece belongs in the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Part of the logical node with this index (a heading, a paragraph, a fact).
    Node(usize),
    /// A cell of a table node: (node, row, column); row 0 is the header.
    Cell(usize, usize, usize),
    /// Decoration: rules, shading.
    Layout,
}

/// A logical node of the document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Logical {
    Title,
    Heading(u16),
    Paragraph,
    /// A table with this many rows (a header row included, if it has one) and columns.
    Table {
        rows: usize,
        columns: usize,
        header: bool,
    },
}

/// One piece on a page.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text { x: f32, baseline: f32, text: String, size: f32, weight: Weight, grey: bool, role: Role },
    Rule { y: f32, x1: f32, x2: f32, width: f32, grey: bool },
    Shade { x: f32, y: f32, width: f32, height: f32 },
}

/// The document placed on pages.
#[derive(Debug)]
struct Layout {
    pages: Vec<Vec<Piece>>,
    nodes: Vec<Logical>,
}

struct Placer<'a> {
    measure: &'a Measure,
    pages: Vec<Vec<Piece>>,
    nodes: Vec<Logical>,
    y: f32,
}

impl Placer<'_> {
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    fn room(&self) -> f32 {
        BOTTOM - self.y
    }

    /// Starts a new page unless `height` still fits on this one.
    fn ensure(&mut self, height: f32) {
        if height > self.room() && self.y > TOP {
            self.new_page();
        }
    }

    fn put(&mut self, piece: Piece) {
        if let Some(page) = self.pages.last_mut() {
            page.push(piece);
        }
    }

    fn node(&mut self, node: Logical) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    /// Sets `text` as lines at `x` within `width`; lines break across pages. `keep` is the height that must
    /// fit below the first line (a heading keeps some of what follows on its page).
    #[allow(clippy::too_many_arguments)]
    fn text(&mut self, text: &str, size: f32, weight: Weight, grey: bool, role: Role, keep: f32, after: f32) {
        let line_height = size * LEADING;
        let lines = self.measure.lines(text, size, weight, RIGHT - LEFT);
        self.ensure(line_height + keep);
        for line in lines {
            self.ensure(line_height);
            let baseline = self.y + size;
            self.put(Piece::Text { x: LEFT, baseline, text: line, size, weight, grey, role });
            self.y += line_height;
        }
        self.y += after;
    }

    fn facts(&mut self, facts: &[(String, String)]) {
        if facts.is_empty() {
            return;
        }
        let node = self.node(Logical::Table { rows: facts.len(), columns: 2, header: false });
        let label_width = (RIGHT - LEFT) * 0.34;
        let line_height = BODY * LEADING;
        for (row, (label, value)) in facts.iter().enumerate() {
            let labels = self.measure.lines(label, BODY, Weight::Bold, label_width - 8.0);
            let values = self.measure.lines(value, BODY, Weight::Regular, RIGHT - LEFT - label_width);
            let height = labels.len().max(values.len()) as f32 * line_height;
            self.ensure(height);
            for (column, (lines, x, weight)) in
                [(labels, LEFT, Weight::Bold), (values, LEFT + label_width, Weight::Regular)].into_iter().enumerate()
            {
                for (i, line) in lines.into_iter().enumerate() {
                    let baseline = self.y + BODY + i as f32 * line_height;
                    let role = Role::Cell(node, row, column);
                    self.put(Piece::Text { x, baseline, text: line, size: BODY, weight, grey: false, role });
                }
            }
            self.y += height + 2.0;
        }
        self.y += 6.0;
    }

    fn table(&mut self, table: &Table) {
        let columns = table.columns.len().max(1);
        let rows = 1 + table.rows.len() + usize::from(table.total.is_some());
        let node = self.node(Logical::Table { rows, columns, header: true });
        if !table.caption.is_empty() {
            self.text(&table.caption, SMALL, Weight::Regular, true, Role::Layout, 3.0 * BODY, 2.0);
        }
        let total_weight: f32 = table.columns.iter().map(|c| f32::from(c.width.max(1))).sum();
        let mut edges = vec![LEFT];
        for column in &table.columns {
            let last = edges.last().copied().unwrap_or(LEFT);
            edges.push(last + (RIGHT - LEFT) * f32::from(column.width.max(1)) / total_weight);
        }
        let size = BODY - 1.0;
        let line_height = size * LEADING;
        let header: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let cells_of = |cells: &[String], weight: Weight| -> Vec<Vec<String>> {
            (0..columns)
                .map(|i| {
                    let width = edges[i + 1] - edges[i] - 2.0 * CELL_PAD;
                    self.measure.lines(cells.get(i).map_or("", String::as_str), size, weight, width)
                })
                .collect()
        };
        let header_cells = cells_of(&header, Weight::Bold);
        let header_height = height_of(&header_cells, line_height);
        let mut body: Vec<(usize, Vec<Vec<String>>, Weight)> = table
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| (i + 1, cells_of(row, Weight::Regular), Weight::Regular))
            .collect();
        if let Some(total) = &table.total {
            body.push((rows - 1, cells_of(total, Weight::Bold), Weight::Bold));
        }
        let first_row = body.first().map_or(0.0, |(_, cells, _)| height_of(cells, line_height).min(3.0 * line_height));
        self.ensure(header_height + first_row);
        self.table_row(node, 0, &header_cells, Weight::Bold, &edges, table, true);
        for (row, cells, weight) in body {
            let height = height_of(&cells, line_height);
            let fresh_page = BOTTOM - TOP - header_height;
            if height > self.room() && height <= fresh_page {
                self.new_page();
                self.table_row(node, 0, &header_cells, Weight::Bold, &edges, table, true);
            }
            // A row taller than the room left is set in parts, each page with the header again.
            let mut rest = cells;
            loop {
                let fitting = ((self.room() - 2.0 * CELL_PAD) / line_height).floor().max(0.0) as usize;
                let needed = rest.iter().map(Vec::len).max().unwrap_or(0);
                if needed <= fitting {
                    self.table_row(node, row, &rest, weight, &edges, table, false);
                    break;
                }
                if fitting == 0 {
                    self.new_page();
                    self.table_row(node, 0, &header_cells, Weight::Bold, &edges, table, true);
                    continue;
                }
                let now: Vec<Vec<String>> = rest.iter().map(|c| c.iter().take(fitting).cloned().collect()).collect();
                rest = rest.into_iter().map(|c| c.into_iter().skip(fitting).collect()).collect();
                self.table_row(node, row, &now, weight, &edges, table, false);
                self.new_page();
                self.table_row(node, 0, &header_cells, Weight::Bold, &edges, table, true);
            }
        }
        self.y += 10.0;
    }

    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &mut self,
        node: usize,
        row: usize,
        cells: &[Vec<String>],
        weight: Weight,
        edges: &[f32],
        table: &Table,
        header: bool,
    ) {
        let size = BODY - 1.0;
        let line_height = size * LEADING;
        let height = height_of(cells, line_height);
        if header {
            self.put(Piece::Shade { x: LEFT, y: self.y, width: RIGHT - LEFT, height });
        }
        for (column, lines) in cells.iter().enumerate() {
            let numeric = table.columns.get(column).is_some_and(|c| c.numeric);
            for (i, line) in lines.iter().enumerate() {
                let x = if numeric {
                    edges[column + 1] - CELL_PAD - self.measure.width(line, size, weight)
                } else {
                    edges[column] + CELL_PAD
                };
                let baseline = self.y + CELL_PAD + size + i as f32 * line_height;
                let role = Role::Cell(node, row, column);
                self.put(Piece::Text { x, baseline, text: line.clone(), size, weight, grey: false, role });
            }
        }
        self.y += height;
        let (width, grey) = if header { (0.8, false) } else { (0.4, true) };
        self.put(Piece::Rule { y: self.y, x1: LEFT, x2: RIGHT, width, grey });
    }
}

fn height_of(cells: &[Vec<String>], line_height: f32) -> f32 {
    cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * line_height + 2.0 * CELL_PAD
}

fn layout(document: &Document, measure: &Measure) -> Layout {
    let mut placer = Placer { measure, pages: Vec::new(), nodes: Vec::new(), y: TOP };
    placer.new_page();
    placer.text(&document.issuer, SMALL, Weight::Regular, true, Role::Layout, 0.0, 4.0);
    let kind = placer.node(Logical::Paragraph);
    placer.text(&document.kind, BODY + 1.0, Weight::Bold, false, Role::Node(kind), 0.0, 2.0);
    let title = placer.node(Logical::Title);
    placer.text(&document.title, 16.0, Weight::Bold, false, Role::Node(title), 0.0, 8.0);
    placer.facts(&document.facts);
    let y = placer.y - 4.0;
    placer.put(Piece::Rule { y, x1: LEFT, x2: RIGHT, width: 0.8, grey: false });
    placer.y += 8.0;
    for block in &document.blocks {
        match block {
            Block::Heading(text) => {
                let node = placer.node(Logical::Heading(2));
                placer.y += 6.0;
                placer.text(text, 12.5, Weight::Bold, false, Role::Node(node), 4.0 * BODY, 4.0);
            }
            Block::Subheading(text) => {
                let node = placer.node(Logical::Heading(3));
                placer.y += 2.0;
                placer.text(text, 11.0, Weight::Bold, false, Role::Node(node), 4.0 * BODY, 3.0);
            }
            Block::Paragraph(text) => {
                let node = placer.node(Logical::Paragraph);
                placer.text(text, BODY, Weight::Regular, false, Role::Node(node), 0.0, 6.0);
            }
            Block::Facts(facts) => placer.facts(facts),
            Block::Table(table) => placer.table(table),
        }
    }
    Layout { pages: placer.pages, nodes: placer.nodes }
}

/// The identifiers of the drawn pieces, gathered per logical node (and per cell for tables).
#[derive(Default)]
struct Marks {
    nodes: Vec<Vec<Identifier>>,
    cells: std::collections::HashMap<(usize, usize, usize), Vec<Identifier>>,
}

fn draw(surface: &mut Surface<'_>, piece: &Piece, fonts: &(Font, Font), marks: &mut Marks) {
    let grey = rgb::Color::new(90, 90, 90);
    let black = rgb::Color::new(0, 0, 0);
    match piece {
        Piece::Text { x, baseline, text, size, weight, grey: is_grey, role } => {
            let tag = match role {
                Role::Layout => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)),
                _ => ContentTag::Span(SpanTag::empty()),
            };
            let id = surface.start_tagged(tag);
            let color = if *is_grey { grey } else { black };
            surface.set_fill(Some(Fill { paint: color.into(), opacity: NormalizedF32::ONE, rule: Default::default() }));
            let font = match weight {
                Weight::Regular => fonts.0.clone(),
                Weight::Bold => fonts.1.clone(),
            };
            surface.draw_text(Point::from_xy(*x, *baseline), font, *size, text, false, TextDirection::LeftToRight);
            surface.end_tagged();
            match role {
                Role::Node(node) => marks.nodes[*node].push(id),
                Role::Cell(node, row, column) => marks.cells.entry((*node, *row, *column)).or_default().push(id),
                Role::Layout => {}
            }
        }
        Piece::Rule { y, x1, x2, width, grey: is_grey } => {
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y);
            path.line_to(*x2, *y);
            if let Some(path) = path.finish() {
                let color = if *is_grey { rgb::Color::new(170, 170, 170) } else { black };
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke { paint: color.into(), width: *width, ..Default::default() }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
            surface.end_tagged();
        }
        Piece::Shade { x, y, width, height } => {
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
            let mut path = PathBuilder::new();
            path.move_to(*x, *y);
            path.line_to(x + width, *y);
            path.line_to(x + width, y + height);
            path.line_to(*x, y + height);
            path.close();
            if let Some(path) = path.finish() {
                let paint = rgb::Color::new(232, 236, 240).into();
                surface.set_fill(Some(Fill { paint, opacity: NormalizedF32::ONE, rule: Default::default() }));
                surface.draw_path(&path);
            }
            surface.end_tagged();
        }
    }
}

fn tag_tree(layout: &Layout, mut marks: Marks, language: &str) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(language.to_owned()));
    for (index, node) in layout.nodes.iter().enumerate() {
        let ids = std::mem::take(&mut marks.nodes[index]);
        let group = match node {
            Logical::Title => TagGroup::with_children(Tag::Title, ids.into_iter().map(Node::from).collect()),
            Logical::Heading(level) => {
                let level = NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN);
                TagGroup::with_children(Tag::Hn(level, None), ids.into_iter().map(Node::from).collect())
            }
            Logical::Paragraph => TagGroup::with_children(Tag::P, ids.into_iter().map(Node::from).collect()),
            Logical::Table { rows, columns, header } => {
                let mut table = TagGroup::new(Tag::Table);
                for row in 0..*rows {
                    let mut tr = TagGroup::new(Tag::TR);
                    for column in 0..*columns {
                        let ids = marks.cells.remove(&(index, row, column)).unwrap_or_default();
                        let children: Vec<Node> = ids.into_iter().map(Node::from).collect();
                        let cell = if row == 0 && *header {
                            TagGroup::with_children(Tag::TH(TableHeaderScope::Column), children)
                        } else {
                            TagGroup::with_children(Tag::TD, children)
                        };
                        tr.push(cell);
                    }
                    table.push(tr);
                }
                table
            }
        };
        tree.push(group);
    }
    tree
}

/// The document as PDF bytes.
pub fn render(document: &Document, created: chrono::DateTime<chrono::Utc>) -> Result<Vec<u8>, PdfError> {
    use chrono::{Datelike, Timelike};
    let measure = Measure::new()?;
    let layout = layout(document, &measure);
    let fonts = (
        Font::new(krilla::Data::from(REGULAR), 0).ok_or(PdfError::Font)?,
        Font::new(krilla::Data::from(BOLD), 0).ok_or(PdfError::Font)?,
    );
    let mut pdf = krilla::Document::new();
    let mut marks = Marks { nodes: vec![Vec::new(); layout.nodes.len()], ..Default::default() };
    let count = layout.pages.len();
    for (number, pieces) in layout.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(PdfError::Font)?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        for piece in pieces {
            draw(&mut surface, piece, &fonts, &mut marks);
        }
        let numbers = format!("{} {} {} {count}", document.page_word, number + 1, document.of_word);
        let right = RIGHT - measure.width(&numbers, SMALL, Weight::Regular);
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Footer)));
        surface.set_fill(Some(Fill {
            paint: rgb::Color::new(90, 90, 90).into(),
            opacity: NormalizedF32::ONE,
            rule: Default::default(),
        }));
        let footer = measure.lines(&document.footer, SMALL, Weight::Regular, right - LEFT - 12.0);
        let footer = footer.first().cloned().unwrap_or_default();
        for (x, text) in [(LEFT, footer.as_str()), (right, numbers.as_str())] {
            let point = Point::from_xy(x, FOOTER_BASELINE);
            surface.draw_text(point, fonts.0.clone(), SMALL, text, false, TextDirection::LeftToRight);
        }
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    pdf.set_tag_tree(tag_tree(&layout, marks, &document.language));
    let date = krilla::metadata::DateTime::new(created.year().clamp(0, 9999) as u16)
        .month(created.month() as u8)
        .day(created.day() as u8)
        .hour(created.hour() as u8)
        .minute(created.minute() as u8)
        .second(created.second() as u8)
        .utc_offset_hour(0);
    pdf.set_metadata(
        Metadata::new()
            .title(format!("{}: {}", document.kind, document.title))
            .language(document.language.clone())
            .creator("Spielraum".to_owned())
            .creation_date(date),
    );
    pdf.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::Column;

    fn document(rows: usize) -> Document {
        Document {
            language: "de".into(),
            issuer: "Landeshauptstadt Dresden – Jugendhilfeausschuss".into(),
            kind: "Beschlussvorlage".into(),
            title: "Vergabe: Sozialraumkoordinationsstellen 2019".into(),
            facts: vec![("Aufruf".into(), "Sozialraumkoordinationsstellen 2019".into())],
            blocks: vec![
                Block::Heading("Beschlussvorschlag".into()),
                Block::Paragraph("Der Jugendhilfeausschuss beschließt die Förderung.".into()),
                Block::Table(Table {
                    caption: String::new(),
                    columns: vec![Column::text("Los", 3), Column::text("Träger", 5), Column::figure("Betrag", 2)],
                    rows: (0..rows)
                        .map(|i| {
                            vec![
                                format!("Stadtraum {i}"),
                                "Familienzentrum Heidepark e. V.".into(),
                                "27.500,00\u{a0}€".into(),
                            ]
                        })
                        .collect(),
                    total: Some(vec!["Summe".into(), String::new(), "55.000,00\u{a0}€".into()]),
                }),
            ],
            footer: "Beschlussvorlage – Sozialraumkoordinationsstellen 2019".into(),
            page_word: "Seite".into(),
            of_word: "von".into(),
        }
    }

    #[test]
    fn lines_break_at_spaces_and_never_exceed_the_measure() {
        let measure = Measure::new().expect("fonts");
        let text = "Die Steuerungsgruppe empfiehlt einstimmig die Förderung des Trägers im Stadtraum.";
        let lines = measure.lines(text, BODY, Weight::Regular, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| measure.width(l, BODY, Weight::Regular) <= 120.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        let long = measure.lines("Kinder-und-Jugendhilfeausschusssitzungsprotokoll", BODY, Weight::Bold, 60.0);
        assert!(long.len() > 1 && long.iter().all(|l| measure.width(l, BODY, Weight::Bold) <= 60.0), "{long:?}");
    }

    #[test]
    fn a_long_table_breaks_across_pages_and_repeats_its_header() {
        let measure = Measure::new().expect("fonts");
        let layout = layout(&document(120), &measure);
        assert!(layout.pages.len() >= 3, "{} pages", layout.pages.len());
        for page in &layout.pages[1..] {
            let header = page
                .iter()
                .any(|p| matches!(p, Piece::Text { text, role: Role::Cell(_, 0, 1), .. } if text == "Träger"));
            assert!(header, "the header row on every further page");
            let bottom = page.iter().filter_map(|p| match p {
                Piece::Rule { y, .. } => Some(*y),
                _ => None,
            });
            assert!(bottom.fold(0.0_f32, f32::max) <= BOTTOM + 0.01, "nothing below the bottom margin");
        }
        let rows: usize = layout
            .pages
            .iter()
            .flatten()
            .filter(|p| matches!(p, Piece::Text { role: Role::Cell(_, row, 0), .. } if *row > 0))
            .count();
        assert_eq!(rows, 121, "every row and the total once");
    }

    #[test]
    fn figures_are_set_flush_right() {
        let measure = Measure::new().expect("fonts");
        let layout = layout(&document(2), &measure);
        let ends: Vec<f32> = layout.pages[0]
            .iter()
            .filter_map(|p| match p {
                Piece::Text { x, text, size, weight, role: Role::Cell(_, row, 2), .. } if *row > 0 => {
                    Some(x + measure.width(text, *size, *weight))
                }
                _ => None,
            })
            .collect();
        assert_eq!(ends.len(), 3);
        assert!(ends.iter().all(|end| (end - (RIGHT - CELL_PAD)).abs() < 0.01), "{ends:?}");
    }

    #[test]
    fn the_pdf_is_written_with_its_pages() {
        let bytes = render(&document(120), chrono::Utc::now()).expect("pdf");
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/StructTreeRoot"), "tagged");
        assert!(text.contains("/Lang"), "with its language");
    }
}
