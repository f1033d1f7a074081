// The one global the view page uses: graphology's Graph, sigma's renderer, and its programs, among them
// the light ones (1-pixel lines, point discs) that large views draw with.
import Graph from "graphology";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram, NodePointProgram } from "sigma/rendering";

window.EcographWebGL = {
  Graph: Graph,
  Sigma: Sigma,
  programs: {
    nodes: { circle: NodeCircleProgram, point: NodePointProgram },
    edges: { line: EdgeRectangleProgram, arrow: EdgeArrowProgram, thin: EdgeLineProgram }
  }
};
