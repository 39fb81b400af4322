"""One round of the fixpoint: walk the story from `start` under the round's domains."""

from __future__ import annotations

from cosmodrome.story.lint.abstract import Context
from cosmodrome.story.lint.choice_groups import IMPURE, Outcome, Plan
from cosmodrome.story.lint.domains import Domain, join, single
from cosmodrome.story.lint.fixpoint import Flow
from cosmodrome.story.model import Effect, Node, Story


def _produce(
    flow: Flow, produced: dict[str, dict[int, Domain]], effects: tuple[Effect, ...], ctx: Context
) -> None:
    # joining is order-free and idempotent, so each distinct value is joined once, at the end
    evaluate = flow.memo.evaluate
    for effect in effects:
        value = evaluate(effect.value, ctx)
        produced[effect.variable].setdefault(id(value), value)


def walk_step(flow: Flow, plan: Plan) -> tuple[frozenset[str], dict[str, Domain]]:
    """The nodes reachable and the values produced, given `flow`'s current domains."""
    story = flow.story
    anywhere = flow.context()
    plan.new_round()
    outcomes: list[Outcome | bool] = [False] * len(plan.shapes)  # False: not worked out yet
    last = plan.last_walk
    if last is not None:
        # the walk depends only on which of the shapes it met can be taken: when none of
        # that changed, it would go just where it went last time
        met, was_live, reach = last
        same = True
        for shape in met:
            found = outcomes[shape] = plan.outcome(shape, flow.memo, anywhere)
            if (found is not None) != was_live[shape]:
                same = False
                break
        if same:
            produces = {shape for shape in met if outcomes[shape]}
            return reach, _joined(story, outcomes, produces, {n: {} for n in story.variables})
    produced: dict[str, dict[int, Domain]] = {n: {} for n in story.variables}
    taken: set[int] = set()
    nodes = plan.nodes
    seen = [False] * len(nodes)
    start = plan.index[story.start]
    seen[start] = True
    order = [start]
    walk_is_plain = True  # no node's own answers were needed: the walk can be reused
    for here in order:  # breadth first: `order` grows as it is walked
        enter, edges, impure = nodes[here]
        if impure:
            walk_is_plain = False
            node = story.nodes[plan.ids[here]]
            _impure_node(flow, plan, node, anywhere, (produced, outcomes, taken, order, seen))
            continue
        if enter is not None:
            if outcomes[enter] is False:
                outcomes[enter] = plan.outcome(enter, flow.memo, anywhere)
            taken.add(enter)
        for shape, goto in edges:
            outcome = outcomes[shape]
            if outcome is False:
                outcome = outcomes[shape] = plan.outcome(shape, flow.memo, anywhere)
            if outcome is None:
                continue
            if outcome:  # something produced: an empty outcome needs no remembering
                taken.add(shape)
            if not seen[goto]:
                seen[goto] = True
                order.append(goto)
    ids = plan.ids
    reach = frozenset([ids[i] for i in order])
    plan.last_walk = None
    if walk_is_plain:
        met = [shape for shape, outcome in enumerate(outcomes) if outcome is not False]
        plan.last_walk = (met, [outcome is not None for outcome in outcomes], reach)
    return reach, _joined(story, outcomes, taken, produced)


def _joined(
    story: Story,
    outcomes: list[Outcome | bool],
    taken: set[int],
    produced: dict[str, dict[int, Domain]],
) -> dict[str, Domain]:
    """Each variable's default joined with every value `produced` and the `taken` shapes
    produce."""
    for shape in taken:
        outcome = outcomes[shape]
        assert isinstance(outcome, tuple)
        for name, value in outcome:
            produced[name].setdefault(id(value), value)
    joined: dict[str, Domain] = {}
    for name, var in story.variables.items():
        domain = single(var.default)
        for value in produced[name].values():
            domain = join(domain, value)
        joined[name] = domain
    return joined


def _impure_node(
    flow: Flow,
    plan: Plan,
    node: Node,
    anywhere: Context,
    walk: tuple[
        dict[str, dict[int, Domain]], list[Outcome | bool], set[int], list[int], list[bool]
    ],
) -> None:
    """`_step` at a node where some condition or effect reads visits or facts that differ
    there (its own visits, facts it reveals); `walk` is the step's state: produced values,
    outcomes, shapes taken, nodes in order, seen. Shapes are worked out `anywhere`."""
    produced, outcomes, taken, order, seen = walk
    enter, edges, _ = plan.nodes[plan.index[node.id]]
    ctx = flow.context(node)
    if enter == IMPURE:
        _produce(flow, produced, node.on_enter, ctx)
    elif enter is not None:
        if outcomes[enter] is False:
            outcomes[enter] = plan.outcome(enter, flow.memo, anywhere)
        taken.add(enter)
    for (shape, goto), choice in zip(edges, node.choices, strict=True):
        if shape == IMPURE:
            there = flow.choice_context(node, choice, ctx)
            if there is None:
                continue
            if choice.effects:
                _produce(flow, produced, choice.effects, there)
        else:
            outcome = outcomes[shape]
            if outcome is False:
                outcome = outcomes[shape] = plan.outcome(shape, flow.memo, anywhere)
            if outcome is None:
                continue
            taken.add(shape)
        if not seen[goto]:
            seen[goto] = True
            order.append(goto)
