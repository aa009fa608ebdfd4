"""A template expression or condition as a jurist reads it, from Jinja's own parse tree.

`clauses diff` shows each template tag as a stand-in (drafter/diff/readable.py). Simple tags read
well as written («period.start | datum»); complex ones did not (trial7 item 8): «(period.renewal.max_end
if period.renewal else period.end) | datum», «om loop.revindex == 2», «(namnd or offentlig) | versal».
Parsed with jinja2 (the engine the clauses render with), they are said in Swedish: a conditional
expression as «A eller B», `x or y` as «x (annars y)», the loop's internals as «i listan», comparisons
and tests in words. What the parser does not take is returned as None, and the caller falls back.
"""

from __future__ import annotations

from jinja2 import nodes
from jinja2.exceptions import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

_ENV = SandboxedEnvironment()
_COMPARE = {"eq": "är", "ne": "är inte", "gt": "är större än", "gteq": "är minst", "lt": "är mindre än",
            "lteq": "är högst", "in": "finns i", "notin": "finns inte i"}
_ARITHMETIC = {nodes.Add: "+", nodes.Sub: "-", nodes.Mul: "·", nodes.Div: "/", nodes.FloorDiv: "/",
               nodes.Mod: "mod", nodes.Pow: "upphöjt till"}
_LOOP = {"first": "första i listan", "last": "sista i listan", "index": "platsen i listan",
         "index0": "platsen i listan", "revindex": "platsen från slutet i listan",
         "revindex0": "platsen från slutet i listan", "length": "antalet i listan"}
# compound expressions that a filter after them applies to as a whole: said in parentheses
_GROUPED = (nodes.CondExpr, nodes.Concat, nodes.And, nodes.BinExpr, nodes.Compare)


def expression(source: str, condition: bool = False) -> str | None:
    """`{{ source }}` said in Swedish, or None when Jinja cannot parse it; a `condition` (of an if)
    says `or` as «eller», a value as «x (annars y)»."""
    try:
        body = _ENV.parse("{{ " + source + " }}").body
    except TemplateSyntaxError:
        return None
    if len(body) != 1 or not isinstance(body[0], nodes.Output) or len(body[0].nodes) != 1:
        return None
    return say(body[0].nodes[0], condition)


def loop_head(source: str) -> str | None:
    """The part after `for` in `{% for x in items if cond %}`: «x i items där cond», or None."""
    try:
        body = _ENV.parse("{% for " + source + " %}{% endfor %}").body
    except TemplateSyntaxError:
        return None
    if len(body) != 1 or not isinstance(body[0], nodes.For):
        return None
    loop = body[0]
    said = f"{say(loop.target)} i {say(loop.iter)}"
    return said + (f" där {say(loop.test, True)}" if loop.test is not None else "")


def say(node: nodes.Node, condition: bool = False) -> str:  # noqa: C901 - a branch per kind of node
    """One parse-tree node in words; `condition`: it is (part of) an if's test."""
    if isinstance(node, nodes.Name):
        return "i listan" if node.name == "loop" else node.name
    if isinstance(node, nodes.Const):
        return _const(node.value)
    if isinstance(node, nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name == "loop":
            return _LOOP.get(node.attr, "i listan")
        return f"{say(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        if isinstance(node.node, nodes.Name) and node.node.name == "texts" and isinstance(node.arg, nodes.Const):
            return f"texten {node.arg.value}"
        return f"{say(node.node)}[{say(node.arg)}]"
    if isinstance(node, nodes.Filter):
        inner = say(node.node) if node.node is not None else ""
        if isinstance(node.node, _GROUPED) and not isinstance(node.node, nodes.Or):  # «x (annars y)» is grouped
            inner = f"({inner})"
        return f"{inner} | {node.name}" + _arguments(node)
    if isinstance(node, nodes.Test):
        return _test(node, negated=False)
    if isinstance(node, nodes.Not):
        if isinstance(node.node, nodes.Test):
            return _test(node.node, negated=True)
        return f"inte {say(node.node, condition)}"
    if isinstance(node, nodes.CondExpr):
        return say(node.expr1) + (f" eller {say(node.expr2)}" if node.expr2 is not None else "")
    if isinstance(node, nodes.Or):
        if condition:
            return f"{say(node.left, True)} eller {say(node.right, True)}"
        return f"{say(node.left)} (annars {say(node.right)})"
    if isinstance(node, nodes.And):
        return f"{say(node.left, condition)} och {say(node.right, condition)}"
    if isinstance(node, nodes.Compare):
        return _compare(node)
    if isinstance(node, nodes.Concat):
        return " ".join(say(n) for n in node.nodes)
    if isinstance(node, nodes.Neg):
        return f"-{say(node.node)}"
    if isinstance(node, nodes.BinExpr):
        return f"{say(node.left)} {_ARITHMETIC.get(type(node), node.operator)} {say(node.right)}"
    if isinstance(node, nodes.Call):
        if isinstance(node.node, nodes.Name) and node.node.name == "ref" and node.args \
                and isinstance(node.args[0], nodes.Const):
            return f"hänvisning till {node.args[0].value}" + "".join(f" {say(a)}" for a in node.args[1:])
        return say(node.node) + _arguments(node, always=True)
    if isinstance(node, (nodes.Tuple, nodes.List)):
        return ", ".join(say(n) for n in node.items)
    if isinstance(node, nodes.Dict):
        return ", ".join(f"{say(p.key)}: {say(p.value)}" for p in node.items)
    return type(node).__name__.lower()


def _const(value) -> str:
    if value is None:
        return "inget"
    if value is True or value is False:
        return "sant" if value else "falskt"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _arguments(node, always: bool = False) -> str:
    said = [say(a) for a in node.args] + [f"{k.key}={say(k.value)}" for k in node.kwargs]
    return f"({', '.join(said)})" if said or always else ""


def _test(node: nodes.Test, negated: bool) -> str:
    subject = say(node.node)
    if node.name in ("defined", "none"):
        present = (node.name == "defined") != negated
        return f"{subject} {'är angiven' if present else 'saknas'}"
    return f"{subject} {'är inte' if negated else 'är'} {node.name}" + _arguments(node)


def _compare(node: nodes.Compare) -> str:
    # the loop's place said as a reader counts: «näst sista i listan», «första i listan»
    if len(node.ops) == 1 and node.ops[0].op == "eq" and isinstance(node.expr, nodes.Getattr) \
            and isinstance(node.expr.node, nodes.Name) and node.expr.node.name == "loop" \
            and isinstance(node.ops[0].expr, nodes.Const):
        place = {("revindex", 1): "sista i listan", ("revindex", 2): "näst sista i listan",
                 ("index", 1): "första i listan", ("revindex0", 0): "sista i listan",
                 ("revindex0", 1): "näst sista i listan", ("index0", 0): "första i listan"}
        said = place.get((node.expr.attr, node.ops[0].expr.value))
        if said:
            return said
    return say(node.expr) + "".join(f" {_COMPARE.get(o.op, o.op)} {say(o.expr)}" for o in node.ops)
