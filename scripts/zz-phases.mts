import { hash } from '@node-rs/argon2'
import { buildDemoDataset } from './demo/index.ts'
let t = performance.now(); buildDemoDataset(); console.log('build cold ms', Math.round(performance.now() - t))
t = performance.now(); buildDemoDataset(); console.log('build warm ms', Math.round(performance.now() - t))
t = performance.now(); await hash('Kexiang@2026'); console.log('argon2 ms', Math.round(performance.now() - t))
