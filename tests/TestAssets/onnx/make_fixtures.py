"""Writes the tiny ONNX fixture models and reference.json (expected outputs computed with numpy).

Usage (from the repository root):  /usr/bin/python3 tests/TestAssets/onnx/make_fixtures.py
Needs the `onnx` and `numpy` packages (Debian: python3-onnx, python3-numpy). Deterministic:
running it twice writes identical bytes. The references never come from an ONNX runtime: every
output is computed in float64 with numpy and then rounded to the model's output dtype.
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OPSET, IR_VERSION = 13, 7  # loadable by ONNX Runtime 1.31 (and much older ones)
rng = np.random.default_rng(20240611)

F32, F64, F16 = TensorProto.FLOAT, TensorProto.DOUBLE, TensorProto.FLOAT16
DTYPE_NAMES = {F32: "float32", F64: "float64", F16: "float16",
               TensorProto.INT64: "int64", TensorProto.BOOL: "bool"}
NUMPY_TYPES = {F32: np.float32, F64: np.float64, F16: np.float16,
               TensorProto.INT64: np.int64, TensorProto.BOOL: np.bool_}

reference = {}


def value_info(name, elem_type, shape):
    return helper.make_tensor_value_info(name, elem_type, shape)


def init(name, array):
    return numpy_helper.from_array(array, name)


def save(file_name, nodes, inputs, outputs, initializers, exercises, input_rows, expected):
    """inputs/outputs: lists of (name, elem_type, model_shape); input_rows: {name: array [rows, ...]};
    expected: {output name: float64 (or int/bool) array [rows, ...]} before rounding."""
    graph = helper.make_graph(
        nodes, file_name.replace(".onnx", ""),
        [value_info(*i) for i in inputs], [value_info(*o) for o in outputs], initializers)
    model = helper.make_model(graph, producer_name="cch-fixtures",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, os.path.join(HERE, file_name))

    def entry(name, elem_type, model_shape, values):
        values = np.asarray(values).astype(NUMPY_TYPES[elem_type])  # round to the output dtype
        rows = values.reshape(values.shape[0], -1)
        if elem_type == TensorProto.BOOL:
            rows = [[bool(v) for v in r] for r in rows]
        elif elem_type == TensorProto.INT64:
            rows = [[int(v) for v in r] for r in rows]
        else:  # float(v) is the exact value of the float16/32/64; json writes the shortest repr
            rows = [[float(v) for v in r] for r in rows]
        return {"name": name, "dtype": DTYPE_NAMES[elem_type], "model_shape": model_shape,
                "shape_per_row": list(values.shape[1:]), "rows": rows}

    reference[file_name] = {
        "exercises": exercises,
        "inputs": [entry(n, t, s, input_rows[n]) for n, t, s in inputs],
        "outputs": [entry(n, t, s, expected[n]) for n, t, s in outputs],
    }


def away_from_zero(values, floor=0.05):
    """Relative tolerances need outputs that are not tiny (exact zeros are allowed)."""
    v = np.abs(np.asarray(values, dtype=np.float64))
    return bool(np.all((v == 0) | (v >= floor)))


def draw_until(draw, ok):
    """Redraws random parameters (deterministically, from the seeded rng) until ok(*drawn) holds."""
    for _ in range(1000):
        drawn = draw()
        if ok(*drawn):
            return drawn
    raise RuntimeError("no acceptable draw")


def f32(a):
    return np.asarray(a, dtype=np.float32)


# 1. gemm_relu: two outputs, the first (h) is the default one.
def gemm_relu(x, w1, b1, w2, b2):
    pre = x.astype(np.float64) @ w1 + b1
    h = np.maximum(pre, 0.0)
    return pre, h, h @ w2.astype(np.float64) + b2


x, w1, b1, w2, b2 = draw_until(
    lambda: (f32(rng.uniform(-2, 2, (6, 6))), f32(rng.uniform(-1, 1, (6, 4))), f32(rng.uniform(-0.5, 0.5, 4)),
             f32(rng.uniform(-1, 1, (4, 3))), f32(rng.uniform(-0.5, 0.5, 3))),
    lambda *p: (lambda pre, h, logits: np.all(np.abs(pre) >= 0.05) and 0.2 < np.mean(h == 0) < 0.6
                and away_from_zero(logits))(*gemm_relu(*p)))  # clear Relu zeros and non-zeros
pre, h, logits = gemm_relu(x, w1, b1, w2, b2)
save("gemm_relu.onnx",
     [helper.make_node("Gemm", ["x", "W1", "b1"], ["pre"]),
      helper.make_node("Relu", ["pre"], ["h"]),
      helper.make_node("Gemm", ["h", "W2", "b2"], ["logits"])],
     [("x", F32, ["N", 6])], [("h", F32, ["N", 4]), ("logits", F32, ["N", 3])],
     [init("W1", w1), init("b1", b1), init("W2", w2), init("b2", b2)],
     "two outputs: h (first, the default) and logits (--output logits); an unknown output name is an error",
     {"x": x}, {"h": h, "logits": logits})

# 2. conv_image: 4-d input and output; rows are stored flat (16 values in, 32 values out, row-major).
def conv3x3_pad1(img, kernel, bias):
    padded = np.pad(img.astype(np.float64), ((0, 0), (0, 0), (1, 1), (1, 1)))
    out = np.zeros((img.shape[0], kernel.shape[0], 4, 4))
    for c in range(kernel.shape[0]):
        for i in range(4):
            for j in range(4):
                out[:, c, i, j] = (padded[:, 0, i:i + 3, j:j + 3] * kernel[c, 0]).sum(axis=(1, 2)) + bias[c]
    return out


kbias = f32([0.25, -0.125])
img, kernel = draw_until(lambda: (f32(rng.uniform(0, 1, (5, 1, 4, 4))), f32(rng.uniform(-1, 1, (2, 1, 3, 3)))),
                         lambda i, k: away_from_zero(conv3x3_pad1(i, k, kbias)))
features = conv3x3_pad1(img, kernel, kbias)
save("conv_image.onnx",
     [helper.make_node("Conv", ["image", "K", "B"], ["features"], kernel_shape=[3, 3], pads=[1, 1, 1, 1])],
     [("image", F32, ["N", 1, 4, 4])], [("features", F32, ["N", 2, 4, 4])],
     [init("K", kernel), init("B", kbias)],
     "multi-dimensional input [N,1,4,4] fed from flat 16-value rows, output [N,2,4,4] flattened row-major to 32 values",
     {"image": img}, {"features": features})

# 3. typed_outputs: float16 and double outputs. Inputs are multiples of 1/4 and weights multiples of
# 1/8, so the float32 MatMul is exact and every result fits float16 exactly: no rounding ambiguity.
x = f32(rng.integers(-8, 9, (6, 3)) / 4)
w = f32(rng.integers(-8, 9, (3, 2)) / 8)
prod = x.astype(np.float64) @ w
assert np.all(prod.astype(np.float16) == prod) and np.all(prod != 0)
save("typed_outputs.onnx",
     [helper.make_node("MatMul", ["x", "W"], ["m"]),
      helper.make_node("Cast", ["m"], ["half"], to=F16),
      helper.make_node("Cast", ["m"], ["wide"], to=F64)],
     [("x", F32, ["N", 3])], [("half", F16, ["N", 2]), ("wide", F64, ["N", 2])],
     [init("W", w)],
     "non-float32 outputs: float16 (half) and float64 (wide), both converted by the product",
     {"x": x}, {"half": prod, "wide": prod})

# 4. double_input: float64 input and output, values that do not fit float32.
x, w, b = draw_until(lambda: (rng.uniform(-3, 3, (6, 3)), rng.uniform(-1, 1, (3, 2)), rng.uniform(-0.5, 0.5, 2)),
                     lambda x, w, b: away_from_zero(x @ w + b))
y = x @ w + b
save("double_input.onnx",
     [helper.make_node("MatMul", ["x", "W"], ["m"]), helper.make_node("Add", ["m", "b"], ["y"])],
     [("x", F64, ["N", 3])], [("y", F64, ["N", 2])],
     [init("W", w), init("b", b)],
     "float64 input (rows must be fed as double, not float32) and float64 output",
     {"x": x}, {"y": y})

# 5. fixed_batch1: batch fixed at 1 in the input and in a constant Reshape shape (like mnist-8).
x, w = draw_until(lambda: (f32(rng.uniform(-2, 2, (6, 5))), f32(rng.uniform(-1, 1, (5, 2)))),
                  lambda x, w: away_from_zero(x.astype(np.float64) @ w))
y = x.astype(np.float64) @ w
save("fixed_batch1.onnx",
     [helper.make_node("Reshape", ["x", "shape"], ["r"]), helper.make_node("MatMul", ["r", "W"], ["y"])],
     [("x", F32, [1, 5])], [("y", F32, [1, 2])],
     [init("shape", np.array([1, 5], dtype=np.int64)), init("W", w)],
     "input shape fixed at [1,5] and a Reshape to the constant [1,5]: rows must be run one at a time",
     {"x": x}, {"y": y})

# 6. two_inputs: error case, several required inputs.
a, b = f32(rng.uniform(-2, 2, (5, 3))), f32(rng.uniform(-2, 2, (5, 3)))
save("two_inputs.onnx",
     [helper.make_node("Add", ["a", "b"], ["y"])],
     [("a", F32, ["N", 3]), ("b", F32, ["N", 3])], [("y", F32, ["N", 3])], [],
     "error case: the model has two required inputs (the product accepts one)",
     {"a": a, "b": b}, {"y": a.astype(np.float64) + b})

# 7. bool_output: error case, the only output is not numeric.
x = f32(rng.uniform(-2, 2, (5, 3)))
assert np.all(x != 0)  # Greater(x, 0) is unambiguous
save("bool_output.onnx",
     [helper.make_node("Greater", ["x", "zero"], ["positive"])],
     [("x", F32, ["N", 3])], [("positive", TensorProto.BOOL, ["N", 3])],
     [init("zero", f32(0.0))],
     "error case: the only output is tensor(bool), not numeric",
     {"x": x}, {"positive": x > 0})

# 8. symbolic_features: both input dims symbolic; the feature length (7 here) comes from the data.
x = f32(rng.uniform(0.1, 2, (6, 7)))  # positive: no cancellation in the float32 sum
s = x.astype(np.float64).sum(axis=1, keepdims=True) * 0.5
save("symbolic_features.onnx",
     [helper.make_node("ReduceSum", ["x", "axes"], ["sum"], keepdims=1),
      helper.make_node("Mul", ["sum", "half"], ["s"])],
     [("x", F32, ["N", "F"])], [("s", F32, ["N", 1])],
     [init("axes", np.array([1], dtype=np.int64)), init("half", f32(0.5))],
     "input [N,F] with a symbolic feature dim: the feature length is taken from the data (7)",
     {"x": x}, {"s": s})

# 9. int64_output: ArgMax gives int64 indices, numeric, converted to float by the product.
x, = draw_until(lambda: (f32(rng.uniform(-2, 2, (6, 4))),),  # no near-ties for ArgMax
                lambda x: np.all(np.diff(np.sort(x, axis=1)[:, -2:], axis=1) > 0.01))
save("int64_output.onnx",
     [helper.make_node("ArgMax", ["x"], ["idx"], axis=1, keepdims=1)],
     [("x", F32, ["N", 4])], [("idx", TensorProto.INT64, ["N", 1])], [],
     "int64 output (ArgMax indices), numeric: converted to float by the product",
     {"x": x}, {"idx": x.argmax(axis=1)[:, None]})

doc = ("Expected outputs of the fixture models, computed with numpy in float64 and rounded to each "
       "output's dtype (never with an ONNX runtime). Per model: inputs and outputs are lists in graph "
       "order (the first output is the default); model_shape is the declared shape (strings are symbolic "
       "dims); rows[i] is row i flattened row-major, shape_per_row its shape without the batch dim; "
       "output rows[i] is the model's output for input row i (the same i in every input).")


def to_json(value, indent=""):
    """Like json.dumps(indent=1), but a list of numbers or bools stays on one line."""
    inner = indent + " "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {to_json(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (list, dict)) for v in value):
        return "[\n" + ",\n".join(inner + to_json(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value)  # floats: shortest repr that reads back to the same double


with open(os.path.join(HERE, "reference.json"), "w") as f:
    f.write(to_json({"about": doc, "models": reference}) + "\n")
print("wrote", ", ".join(reference), "and reference.json")
