import { cliScenario } from './scenario';

cliScenario('appwrite-cli-12', '12.0.1');
