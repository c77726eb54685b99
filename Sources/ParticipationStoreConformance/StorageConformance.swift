import Participation
import Testing
