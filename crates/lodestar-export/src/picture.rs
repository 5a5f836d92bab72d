//! From a workshop file to a picture of its canvas: the stored scene in display terms (colours
//! as hex, authors as names, the North Star and its inputs marked), the same for the exported
//! PNG/SVG and the report.

use lodestar_core::canvas::ItemKind;
use lodestar_core::exchange::WorkshopFile;
use lodestar_core::votes::VoteSubject;
use lodestar_report::{
    CanvasPicture, PictureItem, PictureKind, PictureLink, PictureRect, PictureRole,
};

/// The canvas of `file` as a picture: the whole board, or only `view` when given. With
/// `with_question` the focus need is drawn above the board as the question the room answered.
pub fn canvas_picture(
    file: &WorkshopFile,
    view: Option<PictureRect>,
    with_question: bool,
) -> CanvasPicture {
    let north_star = file.north_star.as_ref();
    let role = |id: &str| {
        let star = north_star?;
        if star.definition.item_id == id {
            Some(PictureRole::NorthStar)
        } else if star
            .inputs
            .iter()
            .any(|input| input.item_id.as_deref() == Some(id))
        {
            Some(PictureRole::Input)
        } else {
            None
        }
    };
    let author = |id: Option<&String>| {
        id.and_then(|id| file.stakeholders.iter().find(|s| &s.id == id))
            .map(|s| s.details.name.clone())
            .unwrap_or_default()
    };
    let mut items: Vec<_> = file.canvas.items.iter().collect();
    // Paint order is the stacking order the room left (a stable sort keeps the file's order).
    items.sort_by(|a, b| a.z.cmp(&b.z));
    CanvasPicture {
        question: if with_question {
            focus_statement(file)
        } else {
            String::new()
        },
        items: items
            .into_iter()
            .map(|item| PictureItem {
                id: item.id.clone(),
                kind: match item.kind {
                    ItemKind::Sticky => PictureKind::Sticky,
                    ItemKind::Kpi => PictureKind::Kpi,
                    ItemKind::Frame => PictureKind::Frame,
                },
                text: item.text.clone(),
                fill: item.colour.hex().to_string(),
                x: item.x,
                y: item.y,
                width: item.width,
                height: item.height,
                author: author(item.author_id.as_ref()),
                tags: item.tags.keys().into_iter().map(String::from).collect(),
                score: item.checklist.score().0,
                role: role(&item.id),
            })
            .collect(),
        links: file
            .canvas
            .links
            .iter()
            .map(|link| PictureLink {
                from: link.from.clone(),
                to: link.to.clone(),
                label: link.label.clone(),
            })
            .collect(),
        view,
    }
}

/// The need the room chose, or empty when no vote has decided one yet.
fn focus_statement(file: &WorkshopFile) -> String {
    file.decisions
        .iter()
        .find(|d| d.subject == VoteSubject::FocusNeed)
        .and_then(|d| file.needs.iter().find(|n| n.id == d.option_id))
        .map(|n| n.details.statement.clone())
        .unwrap_or_default()
}
