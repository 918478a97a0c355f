"""The rule catalogue: every way a line can get its role, with id, role, description and examples.

Why one catalogue: `lines.parquet` names the rule of every decision, `bantin lines` shows it,
the dataset card lists it, and the tests are generated from the examples. Which rules cleaned a
dataset is told by its pipeline_version, which hashes the whole `bantin/clean/` folder.

The rules live in modules named for what they recognise (MODULES); the order in which line
rules are tried lives here, once, in LINE_ORDER. The first matching line rule wins, so the order
is part of the behaviour: `In bài | Gửi bài | Chia sẻ` is a widget bar because `ui.bar` comes
before `navigation.menu`, `Tin: Ngọc Ánh - Ảnh: Ban TNTH` a byline because `byline.labelled`
comes before `caption.photo_credit`, `Ảnh minh họa` a credit because `photo_credit.line` comes
before `caption.scene`. The order grew round by round (each later group was written for what the
earlier ones left), which the comments in LINE_ORDER keep. A new rule goes in its module and in
LINE_ORDER (or CONTEXT_ORDER); a test checks both lists against the modules.
"""
from __future__ import annotations

from bantin.clean.rules import (
    captions,
    counters,
    credits,
    datelines,
    media,
    navigation,
    prompts,
    structure,
    ui,
)
from bantin.clean.rules.base import TARGET_MARK, Rule, example_target

MODULES = (captions, counters, credits, datelines, media, navigation, prompts, structure, ui)

# The order in which `classify` tries the line rules on a line; the first that matches decides.
LINE_ORDER: tuple[str, ...] = (
    # first furniture named by its words: counters, dates, file names, prompts, links, widgets, credits
    "counter.number", "dateline.datetime", "image.file_name", "comment.prompt", "share.prompt",
    "navigation.link", "ui.widget", "byline.labelled", "photo_credit.line", "source.credit",
    "caption.photo_credit", "caption.scene", "caption.bracketed",
    # then page shapes: widget bars, breadcrumbs, menus, footers, section labels, form notes
    "ui.bar", "navigation.breadcrumb", "navigation.menu", "ui.licence", "ui.footer_info", "section.label",
    "comment.form_note",
    # then social and app furniture: tags, reactions, feeds, calls to action, comment policies
    "ui.hashtags", "counter.emoji", "dateline.relative", "counter.related_tally", "counter.visits", "ui.pagination", "ui.follow",
    "ui.app_prompt", "ui.read_more", "ui.reader_submit", "ui.column_promo", "ui.cookie", "ui.newsletter", "comment.policy",
    "ui.button", "comment.reply",
    "navigation.continued", "navigation.arrow_link",
    # then furniture made of kinds of tokens: players, reactions, meta bars, notes, print and cache views
    "ui.player", "caption.portrait", "caption.media_label", "counter.reactions", "dateline.meta_bar", "source.footnote",
    "source.print_issue", "ui.separator", "ui.print_page", "ui.web_cache", "ui.embed", "ui.weather",
    "ui.search_box", "ui.attachment", "comment.text",
)
# The order the context rules are listed in (RULES, the dataset card); the passes of `classify`
# decide them, so this order changes no decision.
CONTEXT_ORDER: tuple[str, ...] = (
    "corpus.repeated", "structure.section", "structure.title", "duplicate.title", "caption.headless_top", "caption.repeated",
    "duplicate.repeat", "duplicate.pull_quote", "caption.after_image", "caption.before_credit", "caption.glued",
    "caption.bare",
    "navigation.list", "byline.tail_name", "byline.name_pair", "lead.outlet_prefix", "structure.lead", "structure.subheading",
    "default.body",
    # header and footer zones
    "header.banner", "header.menu", "header.short", "byline.head_name", "footer.info", "footer.link_list",
    "footer.after_end",
)

# The order the inline rules are listed in; `bantin.clean.pieces.refine` applies them to the pieces
# of kept lines in the order of its passes (story prefix, credits, related links, footer, tail).
INLINE_ORDER: tuple[str, ...] = (
    "dateline.story_prefix", "photo_credit.piece", "caption.before_credit_piece", "caption.credit_inside",
    "navigation.related_piece", "navigation.teaser_piece", "footer.tail_piece", "source.tail_piece",
    "byline.tail_piece", "byline.item_piece", "source.item_piece", "caption.echo",
)

# A blank line is decided by `classify` before any rule is tried; it is listed for the record.
EMPTY_RULE = Rule(
    id="empty", role="empty", description="A line with nothing but spaces.",
    examples=(("", "empty"), ("\u00a0 ", "empty"), (".", "body")),
    predicate=lambda text: not text.strip(),
)

_BY_ID: dict[str, Rule] = {r.id: r for m in MODULES for r in m.RULES}
LINE_RULES: tuple[Rule, ...] = tuple(_BY_ID[i] for i in LINE_ORDER)
CONTEXT_RULES: tuple[Rule, ...] = tuple(_BY_ID[i] for i in CONTEXT_ORDER)
INLINE_RULES: tuple[Rule, ...] = tuple(_BY_ID[i] for i in INLINE_ORDER)
RULES: tuple[Rule, ...] = (EMPTY_RULE, *LINE_RULES, *CONTEXT_RULES, *INLINE_RULES)
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

__all__ = ["CONTEXT_ORDER", "INLINE_ORDER", "LINE_ORDER", "LINE_RULES", "MODULES", "RULES", "RULES_BY_ID", "TARGET_MARK", "Rule",
           "example_target"]
