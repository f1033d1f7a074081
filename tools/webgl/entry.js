// The one global the view page uses: graphology's Graph and sigma's renderer.
import Graph from "graphology";
import Sigma from "sigma";

window.EcographWebGL = { Graph: Graph, Sigma: Sigma };
