"""Public certificate lookup: reference id + registered mobile → a one-time code → the certificate and its PDF.

Every failure looks the same (see data.certificates.lookup): after the details, the page always asks for the code; any
refused code gets one message. Nothing typed stays in session state or goes into the URL: the forms clear
on submit, and only the challenge id (random) and, once shown, the certificate are kept for the session.
"""

from functools import partial

import streamlit as st

from data import demo
from data.certificates import issue, lookup, sms
from data.certificates.pdf import render_pdf
from data.certificates.qr import qr_png
from data.certificates.signing import verification_url
from data.read import reference
from data.settings import uses_demo_keys
from pages._faults import guarded
from pages._frame import require_frame
from pages._shared import client_address, label
from stats.views import certificate as view

ctx = require_frame("certificate")

STEP, CHALLENGE, REFUSED, ISSUED = "cert_step", "cert_challenge", "cert_refused", "cert_issued"
PROBLEMS = "cert_problems"
"""The catalogue keys of what was wrong with the form of the details last typed (lookup.detail_problems)."""


def start_again() -> None:
    for key in (STEP, CHALLENGE, REFUSED, ISSUED, PROBLEMS):
        st.session_state.pop(key, None)


@guarded
def send_code() -> None:
    """Form callback: details of the wrong form are refused with what a reference id or a mobile looks like (and
    nothing is sent); any others start a lookup, which always goes on to the code."""
    reference_id = st.session_state.get("cert_reference", "")
    mobile = st.session_state.get("cert_mobile", "")
    st.session_state[PROBLEMS] = lookup.detail_problems(reference_id, mobile)
    if st.session_state[PROBLEMS]:
        return
    challenge = lookup.request_code(ctx, reference_id, mobile, client=client_address())
    st.session_state[CHALLENGE] = challenge or ""
    st.session_state[STEP] = "code"
    st.session_state[REFUSED] = False


@guarded
def check_code() -> None:
    """Form callback: redeem the code; on success issue (or reuse) the signed certificate."""
    accepted, issued = issue.open_certificate(
        ctx, st.session_state.get(CHALLENGE, ""), st.session_state.get("cert_code", ""), client=client_address()
    )
    if not accepted:
        st.session_state[REFUSED] = True
        return
    st.session_state[ISSUED] = issued  # None: registered, but no dose recorded yet
    st.session_state[STEP] = "shown"


st.title(label("certificate.page_title"))
st.caption(label("certificate.intro"))
step = st.session_state.get(STEP, "details")

if step == "details":
    for problem in st.session_state.get(PROBLEMS, ()):
        st.error(label(problem), icon=":material/error:")
    with st.form("cert-details", clear_on_submit=True, enter_to_submit=True):
        st.text_input(
            label("certificate.reference"), key="cert_reference", max_chars=20, help=label("certificate.reference_help")
        )
        st.text_input(
            label("certificate.mobile"), key="cert_mobile", max_chars=16, help=label("certificate.mobile_help")
        )
        st.form_submit_button(label("certificate.send_code"), on_click=send_code, type="primary")
    people = demo.people()
    if people:
        st.info(label("certificate.demo_people", people=view.demo_people_text(people)))

elif step == "code":
    st.info(label("certificate.code_sent"))
    code = sms.demo_code(ctx, st.session_state.get(CHALLENGE, ""))  # on the demo database only
    if code:
        st.warning(label("certificate.demo_code", code=code), icon=":material/science:")
    if st.session_state.get(REFUSED):
        st.error(label("certificate.refused"))
    with st.form("cert-code", clear_on_submit=True, enter_to_submit=True):
        st.text_input(label("certificate.code"), key="cert_code", max_chars=6)
        st.form_submit_button(label("certificate.show"), on_click=check_code, type="primary")
    st.button(label("certificate.start_again"), on_click=start_again, key="cert-start-again")

else:
    issued = st.session_state.get(ISSUED)
    if issued is None:
        st.info(label("certificate.no_doses"))
    else:
        cert, token = issued
        vaccines = reference.vaccine_intervals(ctx)
        names = reference.names(ctx)
        if uses_demo_keys():
            st.warning(label("certificate.demo_keys"), icon=":material/science:")
        details, code_column = st.columns([3, 1])
        with details:
            st.subheader(cert.name)
            st.dataframe(view.details_table(cert, ctx.lang), hide_index=True, width="stretch", key="cert-details-table")
        with code_column:
            st.image(qr_png(verification_url(token), scale=4), caption=label("certificate.qr_caption"))
        st.subheader(label("certificate.doses"))
        st.dataframe(view.doses_table(cert, names, ctx.lang), hide_index=True, width="stretch", key="cert-doses-table")
        st.download_button(
            label("certificate.download_pdf"),
            data=partial(
                render_pdf,
                cert,
                token,
                vaccine_names=view.pdf_vaccine_names(vaccines),
                dose_names=view.pdf_dose_names(names),
            ),
            file_name=view.pdf_file_name(cert),
            mime="application/pdf",
            icon=":material/download:",
            type="primary",
            key="cert-pdf",
            on_click="ignore",
        )
    st.button(label("certificate.finish"), on_click=start_again, key="cert-finish")
