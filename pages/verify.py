"""Public verification of a certificate: from the QR code's link, a pasted link or token, or a photo of the QR.

Shows VALID with the signed details, or INVALID with the reason; publishes the public keys as a JWK set.
"""

import json

import streamlit as st

from data.certificates import issue
from data.certificates.qr import decode_qr
from data.certificates.signing import jwks, public_keys_from_settings
from data.read import reference
from pages._frame import require_frame
from pages._shared import label
from stats.views import verify as view

# The QR code opens /verify?c=<token>; keep the token across the frame's first run (require_frame).
# Only when the link's token is new: a token pasted afterwards must not be replaced by the link's again.
linked = st.query_params.get("c")
if linked and st.session_state.get("verify_linked") != linked:
    st.session_state["verify_linked"] = linked
    st.session_state["verify_text"] = linked
ctx = require_frame("verify")

st.title(label("verify.title"))
# The verdict goes above the form (a phone shows it first, however long the pasted token); it is filled below,
# once the form's input is known.
verdict_box = st.container(key="verify-verdict")
st.caption(label("verify.intro"))

with st.form("verify-form"):
    st.text_area(label("verify.paste"), key="verify_text", height=100, max_chars=5000, help=label("verify.paste_help"))
    photo = st.file_uploader(
        label("verify.upload"),
        type=["png", "jpg", "jpeg", "webp"],
        key="verify_photo",
        help=label("verify.upload_help"),
    )
    st.form_submit_button(label("verify.check"), type="primary")

if photo is not None:
    text = decode_qr(photo.getvalue()) or ""
    given = True
else:
    text = st.session_state.get("verify_text", "")
    given = bool(text.strip())

with verdict_box:
    if not given:
        st.info(label("verify.nothing"))
    else:
        verdict = issue.verify_text(ctx, text)
        kind = view.verdict_kind(verdict.valid, verdict.demo)
        with st.container(border=True, key=f"verify-{kind}"):
            st.header(view.headline(kind, ctx.lang), anchor=False)
            alert = {"valid": st.success, "demo": st.warning, "invalid": st.error}[kind]
            alert(view.verdict_text(kind, verdict.reason, ctx.lang), icon=view.ICONS[kind])
            if kind != "invalid":
                claims = verdict.claims
                st.subheader(claims["n"], anchor=False)
                st.caption(view.person_text(claims, ctx.lang))
                st.markdown(view.status_text(claims, ctx.lang))
                names = reference.names(ctx)
                st.markdown("\n".join(f"- {line}" for line in view.dose_lines(claims, names, ctx.lang)))
        if kind != "invalid":
            with st.expander(label("verify.signed_details")):
                st.dataframe(
                    view.details_table(claims, verdict.kid, ctx.lang),
                    hide_index=True,
                    width="stretch",
                    key="verify-claims",
                )

with st.expander(label("verify.keys")):
    key_set = jwks(public_keys_from_settings())
    st.caption(label("verify.keys_help"))
    st.json(key_set)
    st.download_button(
        label("verify.download_keys"),
        data=json.dumps(key_set, indent=2),
        file_name="jwks.json",
        mime="application/json",
        key="verify-jwks",
        on_click="ignore",
    )
