"""Upload (collectors and officers): a daily-doses or stock file is checked by the server, previewed as a dry
run of the import, and committed with one button; the history of imports and, for officers, undoing one.

A collector's upload may hold their own district's daily doses only (data.imports.workspace); a collector
sees their own imports. The preview is kept in session state with the SHA-256 of the bytes it was
made from, and the commit goes ahead only for those same bytes.
"""

from functools import partial

import streamlit as st

from data.imports import templates, uploads, workspace
from data.imports.importer import LISTED_ROWS, FileReport
from data.imports.undo import UNDOABLE_FILE_KINDS, UndoReport
from data.read import reference
from data.read import workspace as records
from pages._frame import require_frame
from pages._shared import downloads, label, record_download
from stats import names
from stats.views import upload as view

ctx = require_frame("upload")

# (sha256, data version, FileReport of the dry run) of the file in the uploader.
PREVIEW_KEY = "upload-preview"
# The FileReport of the last commit or the UndoReport of the last undo, shown once after the rerun.
RESULT_KEY = "upload-result"
HISTORY_LIMIT = 200

language = ctx.lang
viewer = ctx.viewer
collector = viewer.role == "collector"
districts = reference.districts(ctx)
reference_names = reference.names(ctx)
limit = uploads.size_text(uploads.MAX_UPLOAD_BYTES)

st.title(label("upload.title"))
if collector:
    district = names.district_options(districts, language).get(viewer.district_code, viewer.district_code)
    st.caption(label("upload.intro_collector", district=district, limit=limit))
else:
    st.caption(label("upload.intro_officer", limit=limit))


def show_problems(problems: list, file_name: str, key: str) -> None:
    """The problems as a table in the user's language, with a CSV download."""
    table = view.problem_table(problems, language)
    st.subheader(label("upload.problems"))
    st.dataframe(table, hide_index=True, width="stretch", key=f"{key}-table")
    downloads(
        ctx,
        view.problem_table(problems, language, formatted=False),
        view.problems_file_name(file_name),
        f"{key}-download",
        labels=(label("upload.download_problems"), label("upload.download_problems_xlsx")),
    )


def show_rows(rows: list[dict], total: int, title: str, key: str, caption: str = "") -> None:
    """Changed or new rows of the preview as a table (the first LISTED_ROWS), with a note when there are more."""
    if not rows:
        return
    st.subheader(label(title))
    if caption:
        st.caption(label(caption))
    st.dataframe(view.listed_rows_table(rows, reference_names, language), hide_index=True, width="stretch", key=key)
    note = view.listed_note(min(len(rows), LISTED_ROWS), total, language)
    if note:
        st.caption(note)


def show_templates() -> None:
    """A template per kind of file the viewer may upload: its columns in words and a CSV to download."""
    with st.expander(label("upload.templates"), icon=":material/description:"):
        st.caption(label("upload.templates_intro"))
        for kind in templates.template_kinds(collector):
            name = view.kind_name(kind.code, language)
            st.markdown(f"**{name}**")
            # A static table wraps its text: the column notes read on a phone without scrolling sideways.
            st.table(
                view.template_columns_table(kind.columns, kind.example, language).set_index(label("upload.col_column"))
            )
            template_file = templates.template_file_name(kind)
            st.download_button(
                label("upload.template_download", kind=name),
                data=templates.template_csv(kind),
                file_name=template_file,
                mime="text/csv",
                icon=":material/download:",
                key=f"upload-template-{kind.code}",
                on_click=partial(record_download, ctx, template_file, 1),
            )


show_templates()

# --- The last commit or undo, once ---------------------------------------------------------------------
result = st.session_state.pop(RESULT_KEY, None)
if isinstance(result, FileReport):
    if result.status == "committed":
        st.success(view.committed_text(result.batch_id, result.new, result.changed, result.unchanged, language))
    elif result.status == "unchanged":
        st.info(label("upload.commit_unchanged"))
    else:
        st.error(label("upload.commit_refused"))
elif isinstance(result, UndoReport):
    if result.ok:
        st.success(view.undone_text(result.batch_id, result.restored, result.deleted, language))
    else:
        st.error(label("upload.undo_refused", batch=result.batch_id, message=result.message(language)))

# --- Upload, server-side checks and preview --------------------------------------------------------------
# No type= filter: Streamlit would refuse another extension with an exception of its own (and in English);
# data.imports.uploads.check_upload decides on the name and the content, and says why in the user's language.
UPLOADS_KEY = "upload-count"  # a new uploader after each commit, so the committed file does not stay in it
uploaded = st.file_uploader(
    label("upload.file"),
    max_upload_size=uploads.MAX_UPLOAD_MB,
    help=label("upload.file_help"),
    key=f"upload-file-{st.session_state.get(UPLOADS_KEY, 0)}",
)

if uploaded is not None:
    content = uploaded.getvalue()
    file_name = uploads.safe_file_name(uploaded.name)
    digest = uploads.fingerprint(content)
    refusals = uploads.check_upload(file_name, content)
    if refusals:
        st.error(label("upload.refused_file"))
        show_problems(refusals, file_name, "upload-refusals")
    else:
        version = ctx.version
        preview = st.session_state.get(PREVIEW_KEY)
        # Shown on an earlier run for these very bytes and this data: only then may the commit button act.
        previewed = preview is not None and preview[:2] == (digest, version)
        if not previewed:
            report = workspace.preview_upload(ctx, content, file_name)
            preview = (digest, version, report)
            st.session_state[PREVIEW_KEY] = preview
        report = preview[2]

        st.subheader(label("upload.preview"))
        st.caption(
            label("upload.preview_caption", kind=view.kind_name(report.kind, language), file=file_name, sha256=digest)
        )
        for column, (name, value) in zip(st.columns(5), view.summary_metrics(report, language), strict=True):
            column.metric(name, value)
        if not report.ok:
            st.error(view.rejected_text(report.problems, language))
            show_problems(report.problems, file_name, "upload-problems")
        else:
            if report.new_centres:
                st.subheader(label("upload.new_centres"))
                st.dataframe(
                    view.new_centres_table(report.new_centres, districts, language),
                    hide_index=True,
                    width="stretch",
                    key="upload-new-centres",
                )
            if report.renamed_centres:
                st.subheader(label("upload.renamed_centres"))
                st.dataframe(
                    view.renamed_centres_table(report.renamed_centres, districts, language),
                    hide_index=True,
                    width="stretch",
                    key="upload-renamed-centres",
                )
            show_rows(
                report.changed_rows,
                report.changed,
                "upload.changed_rows",
                "upload-changed-rows",
                caption="upload.changed_rows_caption",
            )
            show_rows(report.new_rows, report.new, "upload.new_rows", "upload-new-rows")
            if report.new == 0 and report.changed == 0 and not report.renamed_centres:
                st.info(label("upload.unchanged"))
            else:
                st.info(view.ready_text(report.new, report.changed, language))
                if st.button(label("upload.commit"), type="primary", icon=":material/upload:", key="upload-commit"):
                    if not previewed:  # the file (or the data) changed in the same run as the click
                        st.warning(label("upload.file_changed"))
                    else:
                        committed = workspace.commit_upload(ctx, content, file_name)
                        if committed.status == "committed":
                            st.session_state[UPLOADS_KEY] = st.session_state.get(UPLOADS_KEY, 0) + 1
                        st.session_state.pop(PREVIEW_KEY, None)
                        st.session_state[RESULT_KEY] = committed
                        st.rerun()

# --- History and undo --------------------------------------------------------------------------------------
st.subheader(label("upload.history"))
history = records.import_history(ctx, limit=HISTORY_LIMIT)
caption = "upload.history_caption_collector" if collector else "upload.history_caption_officer"
st.caption(label(caption, limit=HISTORY_LIMIT))
if history.empty:
    st.info(label("upload.no_history"))
else:
    st.dataframe(view.history_table(history, language), hide_index=True, width="stretch", key="upload-history")

if viewer.role == "officer":
    st.subheader(label("upload.undo"))
    st.caption(label("upload.undo_intro"))
    options = view.undo_options(history, UNDOABLE_FILE_KINDS, language)
    if not options:
        st.info(label("upload.no_undo"))
    else:
        with st.form("upload-undo", border=True, clear_on_submit=True):
            # Nothing chosen in advance, and a new key when the data changes: after a commit or an undo the
            # form must not still hold the import picked before it.
            chosen = st.selectbox(
                label("upload.undo_choice"),
                options=list(options),
                format_func=options.get,
                index=None,
                placeholder=label("upload.undo_placeholder"),
                key="upload-undo-batch-" + ctx.version.replace(".", "-"),
            )
            confirmed = st.checkbox(label("upload.undo_confirm"), key="upload-undo-confirm")
            submitted = st.form_submit_button(
                label("upload.undo_button"), icon=":material/undo:", key="upload-undo-submit"
            )
        if submitted:
            if chosen is None:
                st.warning(label("upload.undo_choose_first"))
            elif not confirmed:
                st.warning(label("upload.undo_confirm_first"))
            else:
                undone = workspace.undo_upload(ctx, chosen)
                st.session_state.pop(PREVIEW_KEY, None)
                st.session_state[RESULT_KEY] = undone
                st.rerun()
