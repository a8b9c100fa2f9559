"""Overview (placeholder: the real page replaces this body)."""

import streamlit as st

from ui import context
from ui.i18n import t

ctx = context.get()
st.title(t("nav.overview"))
st.write(t("shell.placeholder"))
