import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const API_ORIGIN = 'http://localhost:3000'

// Pages are split with React.lazy (src/web/routes.tsx). Vendor code every page needs (React and
// the router, TanStack Query, antd's theme/CSS-in-JS core, dayjs) gets stable named chunks that
// survive app changes in the browser cache; the remaining antd components are left to automatic
// splitting, so each lands with the first page that uses it (the Table only with 数据统计) instead
// of one 800 kB antd chunk on first load.
const VENDOR_GROUPS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 25 },
  {
    name: 'antd-core',
    test: /node_modules[\\/](@ant-design[\\/](cssinjs|cssinjs-utils|colors|fast-color)|@rc-component[\\/](util|motion|resize-observer)|antd[\\/]es[\\/](config-provider|theme|_util|locale|style|app)|dayjs|@emotion|stylis)[\\/]/,
    priority: 20,
  },
]

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: VENDOR_GROUPS },
      },
    },
  },
  server: {
    // '/api/' with the slash: proxy keys are prefixes, and a bare '/api' would also send the
    // dev server's own module /api-client.ts to the backend.
    proxy: {
      '/api/': { target: API_ORIGIN, changeOrigin: true },
      '/healthz': { target: API_ORIGIN, changeOrigin: true },
    },
  },
})
