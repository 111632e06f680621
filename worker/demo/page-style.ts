// The demo page's stylesheet, inlined in the page (no CDN, no web fonts: it must work offline) and
// allowed by the CSP through its sha256.

export const DEMO_STYLE = `
:root{color-scheme:light dark;--line:#8884;--muted:#777}
body{font:15px/1.45 system-ui,sans-serif;max-width:72rem;margin:1.5rem auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;border-bottom:1px solid var(--line);padding-bottom:1rem}
h1{font-size:1.3rem;margin:0 1rem 0 0}
label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}
input{font:inherit;padding:.3rem .4rem;min-width:12rem}
button{font:inherit;padding:.3rem .7rem;cursor:pointer}
button:disabled{cursor:default;opacity:.5}
#status{margin:.8rem 0;min-height:1.4em;color:var(--muted)}
#status[data-state=error]{color:#c33}
.note{font-size:.85rem;color:#b70}
#feed{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.8rem;padding:0;margin:0}
.card{list-style:none;border:1px solid var(--line);border-radius:.5rem;padding:.7rem;display:flex;flex-direction:column;gap:.3rem}
.card h2{font-size:1rem;margin:0}
.card p{margin:0;font-size:.85rem;color:var(--muted)}
.card .actions{display:flex;flex-wrap:wrap;gap:.3rem;margin-top:auto;padding-top:.4rem}
.card .actions button{font-size:.8rem;padding:.15rem .5rem}
.card[data-state=dislike]{opacity:.45}
.card .done{color:#2a7}
nav{display:flex;gap:.5rem;margin:1rem 0}
footer{margin-top:2rem;font-size:.85rem;color:var(--muted)}
`;
