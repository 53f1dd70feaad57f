import { cliScenario } from './scenario';

cliScenario('appwrite-cli-6', '6.2.3');
