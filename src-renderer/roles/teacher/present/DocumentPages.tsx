import { forwardRef, memo } from 'react';
import type { BoardItem, BoardPage } from '../../../../src-core/board/model';
import { docFill, imageHref, svgPoints, textLines } from './present';

/**
 * An imported board page as SVG, scaled to fit its box ("xMidYMid meet"): images as <image> with data URLs, text,
 * strokes as polylines (OpenBoard's closed outlines as filled polygons) and shapes. It lies under the ink canvas,
 * which multiplies its white paper over it, so that the page shows through and the ink stays on top.
 */
interface Props {
  page: BoardPage;
  /** The name of a missing image's placeholder. */
  missingLabel: string;
  className?: string;
  testId?: string;
}

export const DocumentLayer = memo(forwardRef<SVGSVGElement, Props>(function DocumentLayer({ page, missingLabel, className, testId }, ref) {
  return (
    <svg
      ref={ref}
      className={className}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${page.width} ${page.height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
      data-testid={testId}
    >
      <rect x={0} y={0} width={page.width} height={page.height} fill={docFill(page)} stroke="#c9d5dc" strokeWidth={Math.max(1, page.width / 800)} />
      {page.items.map((item, i) => <Item key={i} item={item} missingLabel={missingLabel} />)}
    </svg>
  );
}));

function Item({ item, missingLabel }: { item: BoardItem; missingLabel: string }) {
  switch (item.type) {
    case 'stroke': {
      const points = svgPoints(item.points);
      return item.closed
        ? <polygon points={points} fill={item.color} fillOpacity={item.opacity} stroke="none" />
        : <polyline points={points} fill="none" stroke={item.color} strokeOpacity={item.opacity} strokeWidth={item.width} strokeLinecap="round" strokeLinejoin="round" />;
    }
    case 'text': {
      const { x, fontSize, lines } = textLines(item);
      return (
        <text x={x} fontSize={fontSize} fill={item.color ?? '#1b2730'} fontFamily="'Noto Sans', 'DejaVu Sans', Arial, sans-serif" data-testid="present-doc-text">
          {lines.map((l, i) => <tspan key={i} x={x} y={l.y}>{l.text}</tspan>)}
        </text>
      );
    }
    case 'image': {
      const href = imageHref(item);
      if (!href) {
        return (
          <g>
            <title>{missingLabel}</title>
            <rect x={item.x} y={item.y} width={item.width} height={item.height} fill="#f3f6f8" stroke="#9aabb6" strokeDasharray="8 6" strokeWidth={2} />
          </g>
        );
      }
      return <image href={href} x={item.x} y={item.y} width={item.width} height={item.height} preserveAspectRatio="none" />;
    }
    case 'shape': {
      const paint = {
        fill: item.fill?.color ?? 'none',
        fillOpacity: item.fill?.opacity,
        stroke: item.stroke?.color ?? 'none',
        strokeOpacity: item.stroke?.opacity,
        strokeWidth: item.stroke?.width,
      };
      if (item.kind === 'ellipse') {
        return <ellipse cx={item.x + item.width / 2} cy={item.y + item.height / 2} rx={item.width / 2} ry={item.height / 2} {...paint} />;
      }
      if (item.kind === 'polygon' && item.points?.length) return <polygon points={svgPoints(item.points)} {...paint} />;
      return <rect x={item.x} y={item.y} width={item.width} height={item.height} {...paint} />;
    }
  }
}
