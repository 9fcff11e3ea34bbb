#!/usr/bin/python3
"""Copies an ONNX model whose graph inputs and outputs have the batch dim fixed at 1, making dim 0 of
every graph input and output a symbolic "batch", so that one run can take many rows.

Usage: /usr/bin/python3 scripts/make-dynamic-batch-model.py IN.onnx OUT.onnx
Needs the `onnx` package (Debian: python3-onnx). Writes only OUT.

A Reshape whose target shape is a constant starting with 1 (mnist-8's `Reshape [1,256]`) also
hard-codes the batch. It is rewritten to -1 only when that is safe: shape inference shows that the
Reshape's data has the symbolic batch as dim 0 and as many values per row as the target, the
target has no other -1 or 0, and the constant feeds nothing else. Anything else that still fixes
the batch (as far as onnx's shape inference shows) makes the script refuse (exit 1).
Checked with onnxruntime-node by tests/TestAssets/onnx/check_dynamic_batch.mjs.
"""
import math
import sys

import onnx
from onnx import numpy_helper, shape_inference

BATCH = "batch"


def fail(message):
    sys.exit(f"make-dynamic-batch-model: {message}")


def dims(value_info):
    return value_info.type.tensor_type.shape.dim


def make_batch_symbolic(value_info, kind):
    shape = dims(value_info)
    if len(shape) == 0:
        fail(f"{kind} '{value_info.name}' has no shape (or is a scalar): nothing to make dynamic")
    first = shape[0]
    if first.HasField("dim_value") and first.dim_value != 1:
        fail(f"{kind} '{value_info.name}' has dim 0 fixed at {first.dim_value}, not 1: is dim 0 the batch?")
    first.Clear()
    first.dim_param = BATCH


def inferred_shapes(model):
    """Shapes that onnx's shape inference derives from the inputs (declared output shapes left out)."""
    copy = onnx.ModelProto()
    copy.CopyFrom(model)
    for output in copy.graph.output:
        output.type.tensor_type.ClearField("shape")
    graph = shape_inference.infer_shapes(copy).graph
    return {v.name: dims(v) for v in list(graph.value_info) + list(graph.input) + list(graph.output)}


def constant_sources(graph):
    """name -> (TensorProto, setter that replaces it) for initializers and Constant nodes."""
    sources = {}
    for i, tensor in enumerate(graph.initializer):
        sources[tensor.name] = (tensor, lambda new, i=i: graph.initializer[i].CopyFrom(new))
    for node in graph.node:
        if node.op_type == "Constant":
            for attr in node.attribute:
                if attr.name == "value":
                    sources[node.output[0]] = (attr.t, lambda new, attr=attr: attr.t.CopyFrom(new))
    return sources


def rewrite_batch_reshapes(model):
    graph = model.graph
    shapes = inferred_shapes(model)
    sources = constant_sources(graph)
    uses = {}
    for node in graph.node:
        for name in node.input:
            uses[name] = uses.get(name, 0) + 1
    for node in graph.node:
        if node.op_type != "Reshape" or node.input[1] not in sources:
            continue
        tensor, replace = sources[node.input[1]]
        target = numpy_helper.to_array(tensor)
        if target.size == 0 or target[0] != 1:
            continue
        data_shape = shapes.get(node.input[0])
        where = f"Reshape '{node.name or node.output[0]}' with the constant target shape {target.tolist()}"
        if not data_shape or data_shape[0].dim_param != BATCH:
            fail(f"{where}: its input's dim 0 is not the batch (or is unknown), refusing to guess")
        if (target[1:] == -1).any() or (target[1:] == 0).any():
            fail(f"{where}: -1 or 0 besides the leading 1, cannot make the batch -1 safely")
        rest = [d.dim_value if d.HasField("dim_value") else None for d in data_shape[1:]]
        if None in rest or math.prod(rest) != math.prod(target[1:].tolist()):
            fail(f"{where}: its input {[BATCH] + rest} does not keep the other dims, refusing to guess")
        if uses[node.input[1]] != 1:
            fail(f"{where}: other nodes use that constant too, refusing to change it")
        target = target.copy()
        target[0] = -1
        replace(numpy_helper.from_array(target, tensor.name))
        print(f"rewrote {where} to {target.tolist()}")


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    model = onnx.load(argv[1])
    graph = model.graph
    initializers = {t.name for t in graph.initializer}  # IR < 4 also lists these as graph inputs
    for value_info in graph.input:
        if value_info.name not in initializers:
            make_batch_symbolic(value_info, "input")
    for value_info in graph.output:
        make_batch_symbolic(value_info, "output")
    del graph.value_info[:]  # intermediate shapes recorded with batch 1 would contradict the new dims
    rewrite_batch_reshapes(model)

    onnx.checker.check_model(model)
    shapes = inferred_shapes(model)
    for value_info in graph.output:
        first = shapes[value_info.name][0] if shapes.get(value_info.name) else None
        inferred_dims = [d.dim_param or d.dim_value for d in shapes.get(value_info.name, [])]
        if first is not None and first.HasField("dim_value"):
            fail(f"output '{value_info.name}' still comes out with shape {inferred_dims}: "
                 "the graph hard-codes the batch somewhere (a constant shape, Expand, Tile...)")
    onnx.save(model, argv[2])
    print(f"wrote {argv[2]}: dim 0 of every input and output is now '{BATCH}'")


if __name__ == "__main__":
    main(sys.argv)
