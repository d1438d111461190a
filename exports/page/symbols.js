// Legend symbols of the kgbuilder view: each class's shape and each line style, drawn as
// SVG elements one by one (no markup strings). Loaded before view.js, in the same script.
const kgbSymbols = (function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const POLYGONS = {
    square: '2,2 14,2 14,14 2,14', diamond: '8,1 15,8 8,15 1,8', triangle: '8,1 15,14 1,14',
    triangleDown: '1,2 15,2 8,15', hexagon: '4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8',
    star: '8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.7 3.2,15 5,9.5 0.5,6 6,6',
  };

  function symbol(shape, colour) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    let mark;
    if (POLYGONS[shape]) {
      mark = document.createElementNS(SVG, 'polygon');
      mark.setAttribute('points', POLYGONS[shape]);
    } else {
      mark = document.createElementNS(SVG, 'circle');
      mark.setAttribute('cx', '8');
      mark.setAttribute('cy', '8');
      mark.setAttribute('r', '6.5');
    }
    mark.setAttribute('fill', colour);
    mark.setAttribute('stroke', '#444');
    svg.appendChild(mark);
    return svg;
  }

  function line(colour, dashes) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '28');
    svg.setAttribute('height', '10');
    const path = document.createElementNS(SVG, 'line');
    path.setAttribute('x1', '1');
    path.setAttribute('y1', '5');
    path.setAttribute('x2', '27');
    path.setAttribute('y2', '5');
    path.setAttribute('stroke', colour);
    path.setAttribute('stroke-width', '2.5');
    if (dashes.length) path.setAttribute('stroke-dasharray', dashes.join(' '));
    svg.appendChild(path);
    return svg;
  }
  return { symbol, line };
})();
