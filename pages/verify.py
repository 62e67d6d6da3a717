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
from stats.names import vaccine_names
from stats.views import verify as view

# The QR code opens /verify?c=<token>; keep the token across the frame's first run (require_frame).
# Only when the link's token is new: a token pasted afterwards must not be replaced by the link's again.
linked = st.query_params.get("c")
if linked and st.session_state.get("verify_linked") != linked:
    st.session_state["verify_linked"] = linked
    st.session_state["verify_text"] = linked
ctx = require_frame("verify")

st.title(label("verify.title"))
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

if not given:
    st.info(label("verify.nothing"))
else:
    verdict = issue.verify_text(ctx, text)
    message = view.verdict_text(verdict.valid, verdict.reason, ctx.lang)
    if verdict.valid:
        st.success(message, icon=":material/verified:")
        st.subheader(label("verify.signed_details"))
        names = vaccine_names(reference.vaccine_intervals(ctx), ctx.lang)
        st.dataframe(
            view.claims_table(verdict.claims, names, ctx.lang), hide_index=True, width="stretch", key="verify-claims"
        )
        st.caption(f"{label('verify.key')}: {verdict.kid}")
    else:
        st.error(message, icon=":material/gpp_bad:")

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
