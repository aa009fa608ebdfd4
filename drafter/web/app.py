"""`drafter serve`: the Starlette application. Routes are thin; drafter's work is done in service.py.

Pages are rendered on the server with Jinja2 (autoescaped); htmx (static/htmx.min.js, no CDN) swaps
in the parts that change as the user types. No inline script anywhere (the CSP forbids it).
"""

from __future__ import annotations

import difflib
import logging
from collections import OrderedDict
from urllib.parse import quote

import jinja2
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from drafter.checks.finding import document_label
from drafter.errors import DrafterError
from drafter.spec.yaml_write import Conflict, text_sha256
from drafter.web import clause_pages, editor, security, service

HERE = Path(__file__).resolve().parent
log = logging.getLogger("drafter.web")


def create_app(root: Path | str = ".", hosts: set[str] | None = None, token: str | None = None) -> Starlette:
    project = service.Project(Path(root))
    csrf = token or security.new_token()
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             undefined=jinja2.ChainableUndefined)
    templates = Jinja2Templates(env=env)
    templates.env.globals.update(csrf=csrf, kronor=service.kronor, document_label=document_label)

    def page(request: Request, template: str, status: int = 200, /, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context, status_code=status)

    async def posted(request: Request, files: dict | None = None) -> dict[str, str]:
        """The form, after the CSRF token and Origin are checked; uploaded files into `files`."""
        origin = request.headers.get("origin")
        if origin and origin.split("://", 1)[-1].lower() not in allowed:
            raise HTTPException(403, "Anropet kom från en annan webbplats och avvisades.")
        form = await request.form(max_files=1 if files is not None else 0, max_fields=5000,
                                  max_part_size=service.MAX_UPLOAD + 1)
        values = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        if not security.token_ok(csrf, values.get("csrf") or request.headers.get("x-csrf-token")):
            raise HTTPException(403, "Formuläret saknar giltig säkerhetsnyckel (CSRF). Ladda om sidan och försök igen.")
        if files is not None:
            for key, value in form.multi_items():
                if not isinstance(value, str):
                    files[key] = (value.filename or "", await value.read(service.MAX_UPLOAD + 1))
        return values

    # --- Översikt ---------------------------------------------------------------------------------

    async def home(request: Request):
        rows = await run_in_threadpool(service.overview, project)
        return page(request, "overview.html", rows=rows, specs=service.spec_names(project),
                    renew=request.query_params.get("renew"))

    async def new(request: Request):
        form = await posted(request)
        try:
            name = service.new_spec(project, form.get("name", "").strip(), form.get("proposal") or None,
                                    form.get("from") or None, children=form.get("barn") == "ja",
                                    partnership=form.get("partnership", "").strip() or None)
        except DrafterError as exc:  # said at the form, under the field, with what was typed kept
            return page(request, "overview.html", 400, rows=service.overview(project),
                        specs=service.spec_names(project), new_error=exc,
                        new_fields=getattr(exc, "fields", ()), typed_new=form)
        return RedirectResponse(f"/spec/{name}", status_code=303)

    async def renew(request: Request):
        """Förnya: what `drafter renew` does (drafter.renew), with its report on a page of its own."""
        form = await posted(request)
        try:
            name, report = await run_in_threadpool(
                service.renew_spec, project, form.get("from", ""), form.get("name", "").strip(),
                form.get("end", "").strip(), form.get("months", "").strip(), form.get("start", "").strip(),
                {k: v for k, v in form.items() if k.startswith("ended_")})  # renews_ended_by: drafter.renew_ended
        except DrafterError as exc:  # said at the form, next to the field, with what was typed kept
            return page(request, "overview.html", 400, rows=service.overview(project),
                        specs=service.spec_names(project), renew=form.get("from"), renew_error=exc,
                        renew_fields=getattr(exc, "fields", ()), typed=form)
        return page(request, "renewed.html", name=name, report=report)

    async def import_(request: Request):
        files: dict = {}
        form = await posted(request, files)
        filename, data = files.get("file", ("", b""))
        try:
            name, report = service.import_document(project, filename, data, form.get("name", "").strip() or None,
                                                   form.get("till", "").strip() or None)
        except DrafterError as exc:  # said at the import form, with the spec chosen kept
            return page(request, "overview.html", 400, rows=service.overview(project),
                        specs=service.spec_names(project), import_error=exc, typed_import=form)
        return page(request, "imported.html", name=name, report=report, into=bool(form.get("till", "").strip()))

    # --- the editor -------------------------------------------------------------------------------

    async def open_spec(request: Request):
        name = request.path_params["name"]
        text = service.read_spec_text(project, name)
        try:
            state = await run_in_threadpool(editor.state_for, project, name, text, text_sha256(text))
        except DrafterError as exc:  # not even YAML: the form cannot show it, the text page can
            return page(request, "error.html", 422, error=exc, message=exc.message, text_link=f"/spec/{name}/text")
        shown = await run_in_threadpool(_preview, state, "agreement")
        return page(request, "editor.html", s=state, clauses=service.clause_ids(project), notes=service.clause_notes(project),
                    preview=shown, doc_key="agreement")

    def _preview(state, key):
        if not state.inspection or not state.inspection.documents:
            return None
        rendered = service.preview(state.inspection, key)
        if rendered is None:
            return None
        digest, count, sections = rendered
        return {"digest": digest, "count": count, "sections": sections, "key": key,
                "documents": service.preview_documents(state.inspection),
                "text": service.document_text(state.inspection, key)}

    def _draft_state(name: str, form: dict[str, str], op: str | None = None, inspect: bool = True):
        project.spec_path(name)
        draft, base = form.get("draft", ""), form.get("base", "")
        data = editor.apply_form(draft, form, name)
        message = editor.apply_op(data, op, form) if op else None
        from drafter.spec.yaml_write import dump_rt

        text = dump_rt(data)
        return editor.state_for(project, name, text, base, inspect, data), message

    async def live(request: Request):
        """Checks and preview for the form as typed; parts of the page swapped in by htmx."""
        form = await posted(request)
        name = request.path_params["name"]
        state, _ = await run_in_threadpool(_draft_state, name, form)
        state.unsaved = await run_in_threadpool(service.unsaved, project, name, state.draft)
        key = form.get("document") or "agreement"
        off = form.get("preview") == "off"  # the checks alone (bench/web.py)
        shown = None if off else await run_in_threadpool(_preview, state, key)
        return page(request, "live.html", s=state, preview=shown, doc_key=key, skip_preview=shown is None)

    async def edit(request: Request):
        form = await posted(request)
        name = request.path_params["name"]
        state, message = await run_in_threadpool(_draft_state, name, form, form.get("op", ""))
        state.unsaved = await run_in_threadpool(service.unsaved, project, name, state.draft)
        key = form.get("document") or "agreement"
        shown = await run_in_threadpool(_preview, state, key)
        return page(request, "editor_form.html", s=state, clauses=service.clause_ids(project),
                    notes=service.clause_notes(project), message=message, preview=shown, doc_key=key)

    async def save(request: Request):
        form = await posted(request)
        name = request.path_params["name"]
        state, _ = await run_in_threadpool(_draft_state, name, form)
        key = form.get("document") or "agreement"
        try:
            state.base = service.save_spec(project, name, state.draft, state.base or None)
        except Conflict as exc:
            state.unsaved = True
            diff = "".join(difflib.unified_diff(exc.on_disk.splitlines(True), state.draft.splitlines(True),
                                                f"{name}.yaml på disken", f"{name}.yaml med dina ändringar"))
            return page(request, "conflict.html", 409, s=state, on_disk=exc.on_disk, diff=diff, error=exc)
        shown = await run_in_threadpool(_preview, state, key)
        errors = state.inspection.error_count if state.inspection else 0
        message = f"Sparad: agreements/{name}.yaml." + (
            f" Specen har {errors} fel (se listan); dokumenten kan inte byggas förrän de är rättade."
            if errors else "")
        return page(request, "editor_form.html", s=state, clauses=service.clause_ids(project), notes=service.clause_notes(project),
                    message=message, preview=shown, doc_key=key)

    async def text_page(request: Request):
        """The spec as text, for what the form cannot show (a file that is not valid YAML)."""
        name = request.path_params["name"]
        text = service.read_spec_text(project, name)
        return page(request, "text.html", name=name, text=text, base=text_sha256(text),
                    errors=service.inspect_text(project, name, text).errors)

    async def text_save(request: Request):
        form = await posted(request)
        name = request.path_params["name"]
        text = form.get("text", "").replace("\r\n", "\n")
        try:
            service.save_spec(project, name, text, form.get("base") or None)
        except Conflict as exc:
            diff = "".join(difflib.unified_diff(exc.on_disk.splitlines(True), text.splitlines(True),
                                                f"{name}.yaml på disken", f"{name}.yaml med dina ändringar"))
            return page(request, "conflict.html", 409, s={"name": name, "draft": text}, on_disk=exc.on_disk,
                        diff=diff, error=exc)
        errors = service.inspect_text(project, name, text).errors
        if errors and any("YAML" in e.message for e in errors):
            return page(request, "text.html", name=name, text=text, base=text_sha256(text), errors=errors,
                        message="Sparad, men filen går ännu inte att visa i formuläret.")
        return RedirectResponse(f"/spec/{name}", status_code=303)

    async def build(request: Request):
        await posted(request)
        name = request.path_params["name"]
        try:
            notes: list = []
            manifest = await run_in_threadpool(service.build_spec, project, name, notes)
        except DrafterError as exc:
            return page(request, "build.html", 422, name=name, error=exc, manifest=service.manifest(project, name))
        return page(request, "build.html", name=name, manifest=manifest, built=True, notes=notes)

    async def build_page(request: Request):
        name = request.path_params["name"]
        project.existing_spec(name)
        return page(request, "build.html", name=name, manifest=service.manifest(project, name), full=True)

    async def download(request: Request):
        path = service.output_file(project, request.path_params["name"], request.path_params["file"])
        media = "application/pdf" if path.suffix == ".pdf" else \
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return FileResponse(path, media_type=media, filename=path.name)

    async def preview_page(request: Request):
        data = service.preview_page(request.path_params["digest"], request.path_params["page"])
        return Response(data, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=600"})

    # --- legal reviewers --------------------------------------------------------------------------

    async def clauses(request: Request):
        query = request.query_params.get("q", "").strip().lower()
        rows = [c for c in service.clause_ids(project) if not query or query in c[0] or query in c[1].lower()]
        return page(request, "clauses.html", rows=rows, q=query)

    async def clause(request: Request, message=None, error=None, status=200, approved=None, scope=()):
        clause_id = request.path_params["clause_id"]
        versions = service.clause_versions(project, clause_id)
        return page(request, "clause.html", status, clause_id=clause_id, versions=versions, message=message, error=error,
                    texts=clause_pages.version_texts(project, clause_id), approved=approved,
                    preselect=clause_pages.preselected(project, clause_id, *scope))

    async def clause_diff(request: Request):
        q = request.query_params
        try:
            a, b = int(q.get("a", "")), int(q.get("b", ""))
        except ValueError:
            raise HTTPException(400, "Välj två versioner att jämföra.") from None
        html = service.clause_diff_html(project, q.get("id", ""), a, b)
        return HTMLResponse(html, headers={"Content-Security-Policy": security.REPORT_CSP})

    async def approve(request: Request):
        form = await posted(request)
        request.path_params["clause_id"] = form.get("id", "")
        ref = f"{form.get('id', '')}@{form.get('version', '')}"
        scope = tuple(form.get(k, "").strip() or None for k in ("organisation", "committee", "by"))
        try:
            approved = await run_in_threadpool(
                clause_pages.approve, project, ref, form.get("by", ""), form.get("date", "").strip() or None,
                *(form.get(k, "").strip() or None for k in ("organisation", "committee", "paragraph", "dnr")))
        except DrafterError as exc:
            return await clause(request, error=exc, status=422, scope=scope)
        return await clause(request, message=approved.message, approved=approved, scope=scope)

    async def spec_approve_page(request: Request, status: int = 200, /, error=None, done=None, typed=None):
        """Fastställ the versions a spec uses (`drafter clauses approve --spec`): the list, and one decision."""
        name = request.path_params["name"]
        waiting = await run_in_threadpool(service.spec_waiting, project, name)
        return page(request, "approve_spec.html", status, name=name, w=waiting, error=error, done=done,
                    typed=typed or {}, chosen=set((typed or {}).get("refs", ())) if typed else None)

    async def spec_approve(request: Request):
        form = await posted(request)
        refs = [v for v in (await request.form()).getlist("ref") if isinstance(v, str)]  # the checked versions
        name = request.path_params["name"]
        try:
            done = await run_in_threadpool(
                service.approve_spec, project, name, refs, form.get("by", ""), form.get("date", "").strip() or None,
                form.get("paragraph", "").strip() or None, form.get("dnr", "").strip() or None,
                form.get("scope") == "whole")
        except DrafterError as exc:  # said at the form, with what was typed and chosen kept
            return await spec_approve_page(request, 422, error=exc, typed={**form, "refs": refs})
        return await spec_approve_page(request, done=done)

    async def compare(request: Request):
        q = request.query_params
        return page(request, "compare.html", specs=service.spec_names(project), old=q.get("old"), new=q.get("new"),
                    document=q.get("document", "agreement"), lydelse=q.get("lydelse", "gallande"))

    # The view computes the report to say an error on its own page; its frame then takes it, once (a later
    # request computes it again, so a spec changed since is never shown as it was).
    reports: OrderedDict[str, str] = OrderedDict()

    def _report(q, keep: bool = False) -> str:
        key = str(sorted(q.items()))
        if not keep and key in reports:
            return reports.pop(key)
        old_text = {"gallande": "standing", "undertecknad": "signed"}.get(q.get("lydelse", "gallande"), "")
        html = service.compare_html(project, q.get("old", ""), q.get("new", ""), q.get("document", "agreement"), old_text)
        if keep:
            reports[key] = html
            while len(reports) > 4:
                reports.popitem(last=False)
        return html

    async def compare_report(request: Request):
        html = await run_in_threadpool(_report, request.query_params)
        return HTMLResponse(html, headers={"Content-Security-Policy": security.REPORT_CSP})

    async def compare_view(request: Request):
        """The report inside drafter's page: its header, a way back to the choices, the report in a frame."""
        q = request.query_params
        query = "&".join(f"{k}={quote(v)}" for k, v in q.items() if k in ("old", "new", "document", "lydelse"))
        try:
            await run_in_threadpool(_report, q, True)
        except DrafterError as exc:
            return page(request, "compare.html", 422, specs=service.spec_names(project), old=q.get("old"),
                        new=q.get("new"), document=q.get("document", "agreement"),
                        lydelse=q.get("lydelse", "gallande"), error=exc)
        return page(request, "compare_view.html", old=q.get("old"), new=q.get("new"), query=query,
                    document=q.get("document", "agreement"))

    # --- errors: Swedish, never a traceback ---------------------------------------------------------

    # Starlette types every handler as taking an Exception; each is registered for its own class below.
    async def drafter_error(request: Request, exc: Exception):
        assert isinstance(exc, DrafterError)
        status = 404 if isinstance(exc, service.NotFound) else 422
        return page(request, "error.html", status, error=exc, message=exc.message)

    async def http_error(request: Request, exc: Exception):
        assert isinstance(exc, HTTPException)
        messages = {404: "Sidan finns inte.", 405: "Metoden är inte tillåten här."}
        return page(request, "error.html", exc.status_code,
                    message=exc.detail if exc.detail and exc.status_code in (400, 403, 409) else
                    messages.get(exc.status_code, "Begäran kunde inte utföras."))

    async def server_error(request: Request, exc: Exception):
        log.exception("internt fel i drafter")
        return HTMLResponse("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Internt fel</title></head>"
                            "<body><h1>Internt fel i drafter</h1><p>Något gick fel i drafter, inte i det du skrev. "
                            "Inget har sparats. Rapportera felet; detaljerna finns i terminalen där drafter serve körs."
                            "</p><p><a href=\"/\">Till översikten</a></p></body></html>", status_code=500)

    routes = [
        Route("/", home),
        Route("/new", new, methods=["POST"]),
        Route("/import", import_, methods=["POST"]),
        Route("/renew", renew, methods=["POST"]),
        Route("/spec/{name}", open_spec),
        Route("/spec/{name}/live", live, methods=["POST"]),
        Route("/spec/{name}/edit", edit, methods=["POST"]),
        Route("/spec/{name}/save", save, methods=["POST"]),
        Route("/spec/{name}/text", text_page),
        Route("/spec/{name}/text", text_save, methods=["POST"]),
        Route("/spec/{name}/build", build, methods=["POST"]),
        Route("/spec/{name}/build", build_page, methods=["GET"]),
        Route("/spec/{name}/approve", spec_approve_page, methods=["GET"]),
        Route("/spec/{name}/approve", spec_approve, methods=["POST"]),
        Route("/output/{name}/{file}", download),
        Route("/preview/{digest:str}/{page:int}.svg", preview_page),
        Route("/clauses", clauses),
        Route("/clauses/approve", approve, methods=["POST"]),
        Route("/clauses/{clause_id:path}", clause),
        Route("/clause-diff", clause_diff),
        Route("/compare", compare),
        Route("/compare/report", compare_report),
        Route("/compare/view", compare_view),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={DrafterError: drafter_error, HTTPException: http_error,
                                                       Exception: server_error})
    allowed = {h.lower() for h in (hosts or security.allowed_hosts("127.0.0.1", 8000))}
    app.add_middleware(security.GuardMiddleware, allowed_hosts=allowed)
    app.state.csrf = csrf
    app.state.project = project
    return app
